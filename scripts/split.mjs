// Cuts the app's wasm into the main module and the chunks of the rarely read pages (the `split`
// feature, src/pages/mod.rs), then replaces trunk's unsplit glue and wasm in <dist> with them.
// Trunk 0.21 cannot split: it builds (with relocations kept, so the wasm can be cut) and names
// the files; this script does what cargo-leptos does between cargo and the browser:
// wasm-split-cli, wasm-bindgen --keep-lld-exports (the chunks link against the main module's
// exports), wasm-opt on every module, terser on the JS (trunk's own minifier fails on the glue;
// minified, it is 6.5 instead of 8.3 KB brotli, and quicker to parse). Chunks and their loader
// get content-hashed names (the CDN's immutable rule, precompress.mjs), and index.html the new
// integrity of the glue and wasm.
// It also writes <dist>/wasm-split.json, each page's chunk with the files it loads, for the
// prerender step (src/bin/prerender.rs) to fetch them with the app.
// Usage: node scripts/split.mjs <dist> <the wasm cargo built>
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { minify } from 'terser';

const [dist, input] = process.argv.slice(2);
if (!dist || !input) throw new Error('usage: node scripts/split.mjs <dist> <wasm>');
const work = join('target', 'wasm-split');

const execFileAsync = promisify(execFile);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const integrity = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// ES modules keep their exports' names; the glue's imports from the wasm are property names,
// which terser leaves alone.
const minified = async (code) => (await minify(code, { module: true, compress: true, mangle: true })).code;

// Trunk's files, found by the names index.html loads.
const indexPath = join(dist, 'index.html');
let index = readFileSync(indexPath, 'utf8');
const glueName = index.match(/import init, \* as bindings from '[^']*?([^'/]+\.js)'/)?.[1];
const wasmName = glueName?.replace(/\.js$/, '_bg.wasm');
if (!glueName || !index.includes(wasmName)) throw new Error(`${indexPath}: trunk's loader not found`);

// The modules depend on the input wasm and on this script (its wasm-opt passes) alone: a second
// site from the same build (the tests' site under /portal/) reuses them, which saves the minutes
// of wasm-opt.
const stamp = join(work, 'input.sha256');
const inputHash = `${createHash('sha256').update(readFileSync(input)).update(readFileSync(new URL(import.meta.url))).digest('hex')} names=${!!process.env.PORTAL_WASM_NAMES}`;
const cached = (() => { try { return readFileSync(stamp, 'utf8') === inputHash; } catch { return false; } })();
if (!cached) {
  rmSync(work, { recursive: true, force: true });
  await cut();
  writeFileSync(stamp, inputHash);
}

async function cut() {
  run('wasm-split-cli', ['--target', 'web', '--out-name', 'portal', input, join(work, 'split')]);
  run('wasm-bindgen', [
    '--target=web', '--no-typescript', '--keep-lld-exports',
    `--out-dir=${join(work, 'split')}`, '--out-name=portal', join(work, 'split', 'portal.wasm'),
  ]);
  rmSync(join(work, 'split', 'portal.wasm'));

  // The features rustc enables for wasm32 by default; the same optimisation as index.html asks
  // trunk for, which this build turns off in trunk. PORTAL_WASM_NAMES=1 keeps the functions' names,
  // for profiles of the app's start (they double the wasm). Two runs: the second finds what the
  // first made possible (main module −1.2 KB brotli), with GUFA (whole-program type flow: −0.45
  // KB brotli, where a third -Oz gains nothing).
  const names = process.env.PORTAL_WASM_NAMES ? ['-g'] : [];
  const wasmOpt = [...names, '-Oz', '--low-memory-unused', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
  const queue = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm'));
  const optimise = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const path = join(work, 'split', file);
      await execFileAsync('wasm-opt', [...wasmOpt, path, '-o', path]);
      await execFileAsync('wasm-opt', [...wasmOpt, '--gufa', '-Oz', path, '-o', path]);
    }
  };
  await Promise.all([optimise(), optimise()]); // two at a time: the machines have two cores
}

const modules = readdirSync(join(work, 'split')).filter((f) => f.endsWith('.wasm'));
// Modules: `split_faq_chunk.wasm` → `faq_chunk-<hash>.wasm`; the code they share: `chunk_9.wasm` →
// `chunk_9-<hash>.wasm`.
let loader = readFileSync(join(work, 'split', '__wasm_split.js'), 'utf8');
const chunks = [];
for (const file of modules.filter((f) => f !== 'portal_bg.wasm')) {
  const bytes = readFileSync(join(work, 'split', file));
  const stem = file.replace(/^split_/, '').replace(/\.wasm$/, '');
  const name = `${stem}-${hash(bytes)}.wasm`;
  const reference = `new URL("./${file}", import.meta.url)`;
  if (!loader.includes(reference)) throw new Error(`__wasm_split.js does not load ${file}`);
  loader = loader.replace(reference, `new URL("./${name}", import.meta.url)`);
  writeFileSync(join(dist, name), bytes);
  chunks.push([name, bytes.length]);
}
if (!loader.includes('from "./portal.js"')) throw new Error('__wasm_split.js does not import ./portal.js');
loader = loader.replace('from "./portal.js"', `from "./${glueName}"`);

// What each page's module loads: `export const __wasm_split_load_<name> = …fetch(new URL("./<file>"…
// }, [__chunk_6, …])`, and `const __chunk_6 = makeLoad(…fetch(new URL("./<file>"…}, [deps])`.
const loads = (kind) => new Map([...loader.matchAll(new RegExp(
  `${kind} = (?:wrapAsyncCb\\()?makeLoad\\(\\(\\) => \\{\\s*const src = fetch\\(new URL\\("\\./([^"]+)"[\\s\\S]*?\\n\\}\\s*,\\s*\\[([^\\]]*)\\]`, 'g'))]
  .map((m) => [m[1], { file: m[2], deps: m[3].split(',').map((d) => d.trim()).filter(Boolean) }]));
const shared = loads('const (__chunk_\\d+)');
const pages = loads('export const __wasm_split_load_(\\w+)');
const files = (load) => [load.file, ...load.deps.flatMap((d) => files(shared.get(d)))];
const manifest = Object.fromEntries([...pages].map(([name, load]) => [name, [...new Set(files(load))].sort()]));
if (!Object.keys(manifest).length || Object.values(manifest).flat().some((f) => !chunks.some(([n]) => n === f))) {
  throw new Error(`__wasm_split.js: the pages' chunks not understood: ${JSON.stringify(manifest)}`);
}
writeFileSync(join(dist, 'wasm-split.json'), `${JSON.stringify(manifest, null, 1)}\n`);
loader = await minified(loader);
const loaderName = `wasm-split-${hash(loader)}.js`;
writeFileSync(join(dist, loaderName), loader);

// The glue imports the loader; the wasm's import module keeps its name `./__wasm_split.js`.
let glue = readFileSync(join(work, 'split', 'portal.js'), 'utf8');
if (!glue.includes('from "./__wasm_split.js"')) throw new Error('the split wasm imports no chunk loader');
glue = await minified(glue.replaceAll('from "./__wasm_split.js"', `from "./${loaderName}"`));
const wasm = readFileSync(join(work, 'split', 'portal_bg.wasm'));
writeFileSync(join(dist, glueName), glue);
writeFileSync(join(dist, wasmName), wasm);

for (const [name, bytes] of [[glueName, Buffer.from(glue)], [wasmName, wasm]]) {
  const link = new RegExp(`(<link[^>]*href=[^ >]*${name.replace(/[.]/g, '\\.')}[^>]*integrity=)([^ >]+)`);
  if (!link.test(index)) throw new Error(`${indexPath}: no integrity for ${name}`);
  index = index.replace(link, `$1${integrity(bytes)}`);
}
writeFileSync(indexPath, index);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`split: main ${kb(wasm.length)}, ${chunks.length} chunks ${kb(chunks.reduce((s, [, n]) => s + n, 0))} (raw)`);
