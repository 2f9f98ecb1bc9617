import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translator } from '../../../src/i18n/catalog.js';
import { type DomainError, isDomainError } from '../../../src/modules/shared/domain-error.types.js';
import { type MetadataReading, readMetadata } from '../../../src/slack/parsers/metadata.parser.js';

const schema = z.strictObject({ n: z.number().int().positive() });
const reading: MetadataReading = {
  code: 'view.bad_metadata',
  message: 'departments.errors.badSubmission',
  what: 'probe modal metadata',
};

function refusal(text: string | undefined, options: Partial<MetadataReading> = {}): DomainError {
  try {
    readMetadata(text, schema, { ...reading, ...options });
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error(`read ${String(text)} without complaint`);
}

describe('readMetadata', () => {
  it('returns the typed value of what Liaison sent', () => {
    expect(readMetadata('{"n":7}', schema, reading)).toEqual({ n: 7 });
  });

  it('refuses anything else with a polite message in the reader’s language, never a crash', () => {
    for (const bad of ['not json', '{"n":', '{"n":0}', '{"n":1,"x":1}', 'null', '', undefined]) {
      const error = refusal(bad);
      expect(error.code).toBe('view.bad_metadata');
      expect(translator('en')(error.userMessage.key)).toBe(
        'Liaison could not read this form. Close it and open it again.',
      );
      expect(translator('zh-CN')(error.userMessage.key)).toBe('Liaison 无法读取此表单。请关闭后重新打开。');
    }
  });

  it('names what it was reading and a bounded part of the text, for the logs', () => {
    const error = refusal(`{"n":"${'x'.repeat(500)}"}`);
    expect(error.message).toMatch(/^view\.bad_metadata: probe modal metadata \{"n":"x+$/);
    expect(error.message.length).toBeLessThan(150);
  });

  it('reads an empty text as the stated default, when there is one', () => {
    expect(readMetadata('', schema.nullable(), { ...reading, whenEmpty: null })).toBeNull();
    expect(
      readMetadata('', z.strictObject({ c: z.string().optional() }), { ...reading, whenEmpty: {} }),
    ).toEqual({});
  });
});
