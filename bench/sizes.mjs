// Transfer sizes of a page's first load: every request the browser makes until the network is
// idle (HTML, CSS, JS, wasm, icons, manifest, API JSON; the service worker's own apart), each file's size raw, gzip -9 and
// brotli 11 (the precompressed twins, or compressed here for files too small to have one),
// and what the bench server actually sent. Also, in a phone-sized viewport: the LCP element,
// the render-blocking resources (Resource Timing's renderBlockingStatus) and FCP/LCP unthrottled.
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export const MOBILE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

function kind(file) {
  const ext = extname(file);
  if (ext === '.html') return 'html';
  if (ext === '.js') return 'js';
  if (ext === '.wasm') return 'wasm';
  if (ext === '.css') return 'css';
  if (ext === '.json') return 'json';
  if (ext === '.webmanifest') return 'manifest';
  if (['.svg', '.ico', '.png'].includes(ext)) return 'icon';
  return 'other';
}

async function sizeOf(file, ext, compress) {
  try {
    return (await stat(`${file}.${ext}`)).size;
  } catch {
    const data = await readFile(file);
    return Math.min(data.length, (await compress(data)).length);
  }
}

/** Sizes of one file of the site: raw, gzip, brotli. */
export async function fileSizes(file) {
  const raw = (await stat(file)).size;
  const gz = await sizeOf(file, 'gz', (d) => gzip(d, { level: 9 }));
  const br = await sizeOf(file, 'br', (d) => brotli(d, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  return { raw, gzip: gz, brotli: br };
}

// Installed before the page's scripts: records the LCP candidates with their element.
const OBSERVE_LCP = () => {
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      const desc = el ? `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''}` : '(removed)';
      window.__lcp.push({ time: e.startTime, size: e.size, element: desc, text: el?.textContent?.trim().slice(0, 60) ?? '' });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

/**
 * Loads `url` in a fresh context of `browser` (phone viewport, empty cache) and returns the
 * requests of the first load with the sizes of their files. `serverLog` is the bench server's
 * response log (an array that the server appends to).
 */
export async function firstLoad(browser, url, serverLog) {
  const context = await browser.newContext(MOBILE);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LCP);
  const from = serverLog.length;
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    lcp: window.__lcp.at(-1) ?? null,
    lcpCandidates: window.__lcp,
    resources: performance.getEntriesByType('resource').map((r) => ({
      url: r.name, renderBlocking: r.renderBlockingStatus, initiator: r.initiatorType,
    })),
  }));
  await context.close();
  const files = [];
  for (const rec of serverLog.slice(from)) {
    if (rec.status !== 200) continue;
    files.push({
      path: rec.path, kind: kind(rec.file), sent: rec.bytes, encoding: rec.encoding ?? 'identity',
      ...(rec.serviceWorker ? { serviceWorker: true } : {}), ...(await fileSizes(rec.file)),
    });
  }
  // The page's own requests, then what its service worker fetches when it installs.
  const totals = {};
  for (const f of files) {
    for (const k of f.serviceWorker ? ['serviceWorker'] : ['all', f.kind]) {
      totals[k] ??= { count: 0, raw: 0, gzip: 0, brotli: 0, sent: 0 };
      totals[k].count += 1;
      for (const m of ['raw', 'gzip', 'brotli', 'sent']) totals[k][m] += f[m];
    }
  }
  // The stylesheet is inside each page (<style>): counted on its own, brotli 11 alone.
  const doc = serverLog.slice(from).find((r) => r.status === 200 && kind(r.file) === 'html' && !r.serviceWorker);
  const styles = doc ? [...(await readFile(doc.file, 'utf8')).matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('') : '';
  const inlineCssBrotli = styles
    ? (await brotli(Buffer.from(styles), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })).length : 0;
  const app = ['wasm', 'js', 'css'].reduce((s, k) => s + (totals[k]?.brotli ?? 0), 0) + inlineCssBrotli;
  return {
    url,
    files,
    totals,
    inlineCssBrotli,
    appBrotli: app,
    lcpElement: timing.lcp ? `${timing.lcp.element} “${timing.lcp.text}”` : null,
    lcpUnthrottledMs: timing.lcp ? Math.round(timing.lcp.time) : null,
    fcpUnthrottledMs: timing.fcp === null ? null : Math.round(timing.fcp),
    renderBlocking: timing.resources.filter((r) => r.renderBlocking === 'blocking').map((r) => new URL(r.url).pathname),
  };
}
