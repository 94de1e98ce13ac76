// Writes dist/sw.js from public/sw.js for one build: VERSION is a hash of the build's
// content-hashed file names (a new app, a new version), APP_FILES the files to cache at install.
// Usage: node scripts/service-worker.mjs <dist>
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HASHED } from './precompress.mjs';

const dist = process.argv[2] ?? 'dist';
const names = (await readdir(dist)).filter((f) => HASHED.test(f)).sort();
const files = ['200.html', ...names, 'favicon.ico', 'manifest.webmanifest'];
const version = createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12);
const template = await readFile('public/sw.js', 'utf8');
const sw = template
  .replace("const VERSION = 'dev';", `const VERSION = '${version}';`)
  .replace('const APP_FILES = [];', `const APP_FILES = ${JSON.stringify(files)};`);
if (sw === template) throw new Error('public/sw.js: VERSION or APP_FILES not found');
await writeFile(join(dist, 'sw.js'), sw);
console.log(`service worker: version ${version}, ${files.length} app files`);
