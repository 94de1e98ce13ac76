// The benchmark's static server: serves a built dist/ the way a CDN in front of it would.
// - `x.br` / `x.gz` (written by scripts/precompress.mjs) by the request's Accept-Encoding,
//   with Content-Encoding and Vary; files without a precompressed twin are sent as they are;
// - Cache-Control `public, max-age=31536000, immutable` for content-hashed files
//   (`portal-<hash>.js`, `…_bg.wasm`, `.css`, `favicon-<hash>.svg`), `no-cache` for everything
//   else (HTML, the API's JSON, manifest, icons), with an ETag so that revalidation is a 304;
// - content types by extension (application/wasm for streaming compilation);
// - `/x` and `/x/` answered by `/x/index.html`, any other path without an extension by the SPA
//   shell `200.html` (status 200), missing files by 404;
// - extra folders mounted under a prefix (the benchmark's plain HTML reference page).
// Usage: node bench/server.mjs <dist> <port> [base path]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { HASHED } from '../scripts/precompress.mjs';

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.xml': 'application/xml', '.atom': 'application/atom+xml',
};

export function cacheControl(path) {
  return HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** The encodings the request accepts, in our order of preference (q=0 excluded). */
export function acceptedEncodings(header = '') {
  const accepted = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return ['br', 'gzip'].filter((e) => accepted.has(e) || accepted.has('*'));
}

/** Who asked: the service worker (its script, or a fetch of its own: referer is the script). */
function origin(req) {
  const dest = req.headers['sec-fetch-dest'];
  const referer = req.headers.referer ?? '';
  return { dest, serviceWorker: dest === 'serviceworker' || /\/sw\.js$/.test(referer) };
}

async function fileInfo(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch { return null; }
}

/** Resolves a request path to a file of `root`: the file, a folder's index.html, or the shell. */
async function resolve(root, path) {
  const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
  const direct = join(root, safe);
  if (!safe.endsWith('/') && (await fileInfo(direct))) return direct;
  if (!extname(safe) || safe.endsWith('/')) {
    const index = join(root, safe, 'index.html');
    if (await fileInfo(index)) return index;
    return join(root, '200.html');
  }
  return null;
}

/**
 * Starts the server on 127.0.0.1:`port` (0: any free port). `mounts` maps URL prefixes
 * (e.g. '/__plain/') to other folders. `log` receives one record per response.
 */
export function start(root, port = 0, basePath = '/', { mounts = {}, log = null } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      let path = decodeURIComponent(url.pathname);
      let dir = root;
      const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
      if (mount) {
        dir = mounts[mount];
        path = '/' + path.slice(mount.length);
      } else if (path.startsWith(basePath)) {
        path = '/' + path.slice(basePath.length);
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const file = await resolve(dir, path);
      const info = file && (await fileInfo(file));
      if (!info) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      let sendPath = file;
      let encoding = null;
      for (const enc of acceptedEncodings(req.headers['accept-encoding'])) {
        const twin = `${file}.${enc === 'br' ? 'br' : 'gz'}`;
        if (await fileInfo(twin)) {
          sendPath = twin;
          encoding = enc;
          break;
        }
      }
      const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
      const headers = {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'cache-control': cacheControl(file),
        etag,
        vary: 'Accept-Encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        log?.({ path: url.pathname, status: 304, file, encoding, bytes: 0, ...origin(req) });
        return;
      }
      const body = await readFile(sendPath);
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
      log?.({ path: url.pathname, status: 200, file, encoding, bytes: body.length, ...origin(req) });
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8090', base = '/'] = process.argv.slice(2);
  await start(dir, Number(port), base);
  console.log(`serving ${dir} (CDN-like: precompressed, cache headers) at http://127.0.0.1:${port}${base}`);
}
