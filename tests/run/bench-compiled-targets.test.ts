import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileTargets, pointAtDist } from '../../bench/lib/compiled-targets.js';
import { startEntry } from '../../scripts/start-entry.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe("bench:ack's compiled targets", () => {
  it('point imports of src/ at dist/, one directory further up, and leave the rest alone', () => {
    expect(pointAtDist(`import { x } from '../../src/db/paths.js';`)).toBe(
      `import { x } from '../../../dist/db/paths.js';`,
    );
    expect(pointAtDist(`import "../../src/a.js"; import y from './child.js';`)).toBe(
      `import "../../../dist/a.js"; import y from './child.js';`,
    );
    expect(pointAtDist(`const s = 'src/../../src/x';`)).toBe(`const s = 'src/../../src/x';`);
  });

  it('are built only from an up-to-date dist/, and every relative import in them names a file that exists', () => {
    const compiled = compileTargets();
    if (startEntry(ROOT).kind !== 'dist') {
      expect(compiled).toBeUndefined();
      return;
    }
    expect(compiled).toBe(path.join(ROOT, 'bench', '.build'));
    const files = ['targets', 'lib'].flatMap((dir) =>
      readdirSync(path.join(compiled as string, dir)).map((file) => path.join(compiled as string, dir, file)),
    );
    expect(files.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['liaison.js', 'bare.js', 'stand-in-process.js', 'protocol.js']),
    );
    for (const file of files) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map(
        (match) => match[1] as string,
      );
      for (const specifier of specifiers) {
        expect(existsSync(path.resolve(path.dirname(file), specifier)), `${file} imports ${specifier}`).toBe(
          true,
        );
      }
    }
  });
});
