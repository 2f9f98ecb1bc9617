// Run as a child process (`node --import tsx tests/run/loaded-packages.ts <module>`): imports
// <module> and prints, as JSON, the npm packages that importing it loaded, ESM and CommonJS.
// A child, because a test runner's own module graph would hide what Node itself loads.
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const hooks = `
let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`;

const { port1, port2 } = new MessageChannel();
const urls = new Set<string>();
port1.on('message', (url: string) => urls.add(url));
port1.unref();
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url, {
  data: { port: port2 },
  transferList: [port2],
});

const target = process.argv[2];
if (!target) throw new Error('usage: loaded-packages.ts <module>');
const started = performance.now();
await import(new URL(target, `file://${process.cwd()}/`).href);
const importMs = performance.now() - started;
// Let the hooks thread's last messages arrive.
await new Promise((resolve) => setTimeout(resolve, 100));

const files = [...urls, ...Object.keys(createRequire(import.meta.url).cache)];
const packages = new Set<string>();
for (const file of files) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (match?.[1]) packages.add(match[1]);
}
process.stdout.write(
  `${JSON.stringify({ packages: [...packages].sort(), importMs: Math.round(importMs) })}\n`,
);
process.exit(0);
