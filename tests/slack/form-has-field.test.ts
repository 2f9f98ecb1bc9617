import querystring from 'node:querystring';
import { describe, expect, it } from 'vitest';
import { formHasField } from '../../src/slack/receivers/http-receiver.js';

describe('a form field looked for without parsing the form', () => {
  it('agrees with querystring.parse on which fields a form has', () => {
    const forms = [
      '',
      'payload=1',
      'a=1&payload=2',
      'a=1&payloadx=2',
      'xpayload=1',
      'pay%6Coad=null',
      'PAYLOAD=1',
      'payload',
      'a&payload&b=',
      'pay+load=1',
      'a=payload&b=c',
      'command=%2Fliaison&text=payload%3D1',
      '&&payload=&&',
      'payl%6fad=%5B%5D&x=1',
    ];
    for (const form of forms) {
      expect(formHasField(form, 'payload'), form).toBe(Object.hasOwn(querystring.parse(form), 'payload'));
    }
  });
});
