// A static file server that behaves like a static host (Netlify, Cloudflare Pages) for the
// end-to-end tests: files from the dist directory; `/x` and `/x/` answered by `/x/index.html`
// (a prerendered page); the SPA shell `200.html` (else `index.html`) for any other path
// without a file extension; a plain 404 for missing files (API files included).
// Usage: node scripts/static-server.mjs <dir> <port> [base path, e.g. /portal/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir, port = '8080', base = '/'] = process.argv.slice(2);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json', '.xml': 'application/xml',
};

async function file(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? await readFile(path) : null;
  } catch { return null; }
}

/**
 * `spa: true` ignores the prerendered pages: every route gets the SPA shell, as on a host
 * that serves only the shell (and as the app behaves for pages built after the last prerender).
 */
export function start(root, listenPort, basePath = '/', { spa = false } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(basePath)) { res.writeHead(404).end('not found'); return; }
    path = '/' + path.slice(basePath.length);
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let body = await file(join(root, safe));
    let type = TYPES[extname(safe)] || 'application/octet-stream';
    if (!body && !extname(safe)) {
      body = (spa ? null : await file(join(root, safe, 'index.html')))
        ?? (await file(join(root, '200.html')))
        ?? (await file(join(root, 'index.html')));
      type = TYPES['.html'];
    }
    if (!body) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  });
  return new Promise((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await start(dir, Number(port), base);
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`);
}
