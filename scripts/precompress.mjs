// Makes a built dist/ ready for a CDN or a static server that serves precompressed files
// (nginx gzip_static/brotli_static, Caddy `precompressed`, a CDN origin): writes `x.br`
// (brotli, quality 11) and `x.gz` (gzip, level 9) next to every text and wasm file of 1 KB or
// more, when that is smaller than the file; and writes `_headers` (Netlify, Cloudflare Pages)
// with the cache policy: content-hashed files immutable, the API revalidated on every use.
// HTML keeps the host's default (Netlify, Cloudflare Pages: revalidate), see README "Cache policy".
// Brotli 11 is slow (about 5 s for the wasm, 30 ms a page), so results are kept by content hash
// in target/precompress-cache/ ($CARGO_TARGET_DIR if set) and reused by the next build (entries unused for 7 days go).
// Usage: node scripts/precompress.mjs <dist> [public url, default /] [--no-cache]
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|svg|xml|webmanifest|txt|atom)$/;
/** trunk's content-hashed output: `portal-<hash>.js`, `…_bg.wasm`, `.css`, `favicon-<hash>.svg`. */
// trunk writes the 64-bit hash in hex without leading zeros: 16 digits or a few fewer.
export const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
const MIN_SIZE = 1024;
const CACHE = join(process.env.CARGO_TARGET_DIR || fileURLToPath(new URL('../target/', import.meta.url)), 'precompress-cache');
const CACHE_DAYS = 7;
let tmpCount = 0;

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function encode(ext, data, path) {
  if (ext === 'gz') return gzip(data, { level: 9 });
  return brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [zlib.constants.BROTLI_PARAM_MODE]: path.endsWith('.wasm')
        ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  });
}

async function compress(path, size, cache) {
  const data = await readFile(path);
  const key = cache && createHash('sha256').update(data).digest('hex');
  const out = { raw: size, br: size, gz: size, cached: 0 };
  await Promise.all(['br', 'gz'].map(async (ext) => {
    let bytes = null;
    const cached = cache && join(CACHE, `${key}.${ext}`);
    if (cached) {
      try {
        bytes = await readFile(cached);
        const now = new Date();
        await utimes(cached, now, now);
        out.cached += 1;
      } catch { /* not cached */ }
    }
    if (!bytes) {
      bytes = await encode(ext, data, path);
      if (cached) {
        // Atomic, as two builds may run at once.
        const tmp = `${cached}.${process.pid}-${(tmpCount += 1)}.tmp`;
        await writeFile(tmp, bytes);
        await rename(tmp, cached);
      }
    }
    if (bytes.length < size) {
      await writeFile(`${path}.${ext}`, bytes);
      out[ext] = bytes.length;
    }
  }));
  return out;
}

async function pruneCache() {
  const old = Date.now() - CACHE_DAYS * 86400e3;
  for (const name of await readdir(CACHE)) {
    const path = join(CACHE, name);
    try {
      if ((await stat(path)).mtimeMs < old) await unlink(path);
    } catch { /* pruned by another build */ }
  }
}

/** Compresses every eligible file of `dist` (a few at a time: zlib runs on libuv's threads). */
export async function precompress(dist, { cache = true } = {}) {
  if (cache) await mkdir(CACHE, { recursive: true });
  const jobs = [];
  for await (const path of walk(dist)) {
    if (/\.(br|gz)$/.test(path)) {
      // Left from an earlier run over the same folder: the source may have changed.
      await unlink(path);
      continue;
    }
    if (!COMPRESSIBLE.test(path)) continue;
    const { size } = await stat(path);
    if (size >= MIN_SIZE) jobs.push({ path, size });
  }
  // Largest first, so the wasm does not finish last on its own.
  jobs.sort((a, b) => b.size - a.size);
  const totals = { files: jobs.length, raw: 0, br: 0, gz: 0, cached: 0 };
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      const sizes = await compress(job.path, job.size, cache);
      for (const k of ['raw', 'br', 'gz', 'cached']) totals[k] += sizes[k];
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  if (cache) await pruneCache();
  return totals;
}

/** The `_headers` file of Netlify and Cloudflare Pages: one rule per hashed file, and the API. */
export async function writeHeaders(dist, publicUrl = '/') {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  const hashed = [];
  for await (const path of walk(dist)) {
    const rel = relative(dist, path);
    if (HASHED.test(rel) && !/\.(br|gz)$/.test(rel)) hashed.push(rel);
  }
  hashed.sort();
  const lines = [
    '# Cache policy (generated by scripts/precompress.mjs; see README "Cache policy").',
    '# Content-hashed files never change under their name: cache them for a year.',
    ...hashed.flatMap((rel) => [`${base}${rel}`, '  Cache-Control: public, max-age=31536000, immutable']),
    '# The content API changes without changing its addresses: revalidate on every use.',
    `${base}api/*`,
    '  Cache-Control: no-cache',
    '# HTML pages: the host default (revalidate) applies.',
    '# The web app manifest, by its registered type (not every host knows the extension).',
    `${base}manifest.webmanifest`,
    '  Content-Type: application/manifest+json',
    '',
  ];
  await writeFile(join(dist, '_headers'), lines.join('\n'));
  return hashed.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const [dist = 'dist', publicUrl = '/'] = args.filter((a) => !a.startsWith('--'));
  const start = performance.now();
  const t = await precompress(dist, { cache: !args.includes('--no-cache') });
  const rules = await writeHeaders(dist, publicUrl);
  const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
  console.log(
    `precompress: ${t.files} files (${Math.round((50 * t.cached) / Math.max(1, t.files))} % from the cache), ` +
      `${kb(t.raw)} → brotli ${kb(t.br)}, gzip ${kb(t.gz)}; ` +
      `_headers with ${rules} immutable files; ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}
