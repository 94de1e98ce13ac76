// Writes dist/sw.js from public/sw.js for one build: VERSION is a hash of the build's
// content-hashed file names (a new app, a new version), APP_FILES the files to cache at install,
// CHUNK_FILES the wasm chunks of rarely read pages (scripts/split.mjs), cached when first used.
// Usage: node scripts/service-worker.mjs <dist>
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HASHED } from './precompress.mjs';

const dist = process.argv[2] ?? 'dist';
const names = (await readdir(dist)).filter((f) => HASHED.test(f)).sort();
// The files of page chunks, as scripts/split.mjs listed them (none in a build without chunks).
const split = await readFile(join(dist, 'wasm-split.json'), 'utf8').then(JSON.parse, () => ({}));
const chunkFiles = new Set(Object.values(split).flat());
const isChunk = (f) => chunkFiles.has(f);
const files = ['200.html', ...names.filter((f) => !isChunk(f)), 'favicon.ico', 'manifest.webmanifest'];
const chunks = names.filter(isChunk);
const version = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12);
const template = await readFile('public/sw.js', 'utf8');
const slots = {
  "const VERSION = 'dev';": `const VERSION = '${version}';`,
  'const APP_FILES = [];': `const APP_FILES = ${JSON.stringify(files)};`,
  'const CHUNK_FILES = [];': `const CHUNK_FILES = ${JSON.stringify(chunks)};`,
};
let sw = template;
for (const [slot, value] of Object.entries(slots)) {
  if (!sw.includes(slot)) throw new Error(`public/sw.js: \`${slot}\` not found`);
  sw = sw.replace(slot, value);
}
await writeFile(join(dist, 'sw.js'), sw);
console.log(`service worker: version ${version}, ${files.length} app files, ${chunks.length} chunks`);
