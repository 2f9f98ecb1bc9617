// `npm install` (postinstall): saves a pristine embedded database (PGlite's initdb, ≈ 5 s) so
// that each new LIAISON_DATA_DIR starts as a copy of it (src/db/embedded-template.ts).
import { writeEmbeddedTemplate } from '../src/db/embedded-template.js';

const started = performance.now();
const file = await writeEmbeddedTemplate();
console.log(
  `Liaison: embedded database template ready in ${Math.round(performance.now() - started)} ms (${file})`,
);
