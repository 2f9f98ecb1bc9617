// `npm run prompts:check`: every prompts/*.prompt.md parses, names an output schema that
// exists and converts to JSON Schema, renders with its fixture (prompts/fixtures/<name>.json:
// { vars, output }) with no missing or unknown variable, and the fixture's sample output
// validates against the schema. Exits 1 with one line per problem.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { loadPromptsFrom, OUTPUT_SCHEMAS, PROMPTS_DIR, renderPrompt } from '../src/llm/index.js';
import { countTokens } from '../src/llm/tokens.js';

export function checkPrompts(dir: string): { problems: string[]; checked: string[] } {
  const problems: string[] = [];
  const checked: string[] = [];
  let prompts: ReturnType<typeof loadPromptsFrom>;
  try {
    prompts = loadPromptsFrom(dir);
  } catch (error) {
    return { problems: [error instanceof Error ? error.message : String(error)], checked };
  }
  for (const prompt of prompts.values()) {
    const schema = OUTPUT_SCHEMAS[prompt.output];
    if (!schema) {
      problems.push(`${prompt.name}: output schema "${prompt.output}" is not in OUTPUT_SCHEMAS`);
      continue;
    }
    try {
      z.toJSONSchema(schema);
    } catch (error) {
      problems.push(`${prompt.name}: ${prompt.output} has no JSON Schema (${String(error)})`);
    }
    const fixturePath = join(dir, 'fixtures', `${prompt.name}.json`);
    if (!existsSync(fixturePath)) {
      problems.push(`${prompt.name}: no fixture at fixtures/${prompt.name}.json`);
      continue;
    }
    const fixture = JSON.parse(readFileSync(fixturePath, 'utf8')) as { vars?: unknown; output?: unknown };
    try {
      const rendered = renderPrompt(prompt, (fixture.vars ?? {}) as Record<string, string>);
      if (/\{\{|\}\}/.test(rendered.system + rendered.user))
        problems.push(`${prompt.name}: braces left after rendering`);
      checked.push(`${prompt.name} (${countTokens(rendered.system) + countTokens(rendered.user)} tokens in)`);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
    const output = schema.safeParse(fixture.output);
    if (!output.success)
      problems.push(
        `${prompt.name}: the fixture's output does not match ${prompt.output}: ${output.error.message}`,
      );
  }
  return { problems, checked };
}

const isMain = process.argv[1]?.endsWith('prompts-check.ts');
if (isMain) {
  const { problems, checked } = checkPrompts(process.argv[2] ?? PROMPTS_DIR);
  for (const line of checked) console.log(`ok  ${line}`);
  for (const line of problems) console.error(`bad ${line}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
