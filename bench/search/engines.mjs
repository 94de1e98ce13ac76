// The two engines of the search benchmark, each run the way a reader runs it, in headless
// Chromium with an empty cache (a fresh browser context per query, service worker blocked):
// - ours: navigation to `/{lang}/search/?q=…` of the built site; the result links are read in
//   order from the DOM (the first link of each `.search-result`) once results or a message are
//   shown and the network has been quiet for a moment;
// - Pagefind: a small page of the benchmark's own (`<html lang>` as the site's pages of that
//   language, so that Pagefind picks the same language's index) that imports
//   `/pagefind/pagefind.js`, searches, and loads the top 10 results' data; each result's links
//   are the page and the sub-results the Pagefind Default UI shows with `showSubResults`.
// Bytes: every response of the bench server while the query ran, sized as a CDN sends it
// (brotli when smaller, see ../sizes.mjs). Ours counts the files under `/api/v1/{lang}/search/`
// and any file that the same page without a query does not fetch (the query's own requests);
// Pagefind counts everything under `/pagefind/`. Each is split into index data and engine code
// (`.js`, `.wasm`, Pagefind's `.pagefind` wasm).
import { readFile } from 'node:fs/promises';
import { fileSizes } from '../sizes.mjs';

const RESULT_TIMEOUT = 20000;
const QUIET_MS = 500;

/** Sizes of the files the server sent, computed once per file. */
const sizeCache = new Map();
async function wireBytes(file) {
  if (!sizeCache.has(file)) sizeCache.set(file, fileSizes(file).catch(() => ({ raw: 0, brotli: 0 })));
  return sizeCache.get(file);
}

const isCode = (path) => /\.(js|mjs|wasm|pagefind)$/.test(path);

/**
 * Sums the records of `log` (bench server responses) into data and code bytes; `index`: the data
 * files under `indexPrefix` (the search index itself, without other files the query made the
 * page fetch, such as articles fetched ahead of a click).
 */
async function tally(records, indexPrefix) {
  const out = { requests: records.length, data: 0, index: 0, code: 0, raw: 0, files: [] };
  for (const r of records) {
    const s = await wireBytes(r.file);
    if (isCode(r.path)) out.code += s.brotli;
    else out.data += s.brotli;
    if (!isCode(r.path) && r.path.startsWith(indexPrefix)) out.index += s.brotli;
    out.raw += s.raw;
    out.files.push(r.path);
  }
  return out;
}

/**
 * Counts the requests of `page` in flight from now on; `quiet(max)` resolves once none has been
 * in flight for QUIET_MS (or after `max` ms).
 */
function trackRequests(page) {
  let inflight = 0;
  let waiters = [];
  let timer = null;
  const settle = () => {
    clearTimeout(timer);
    if (inflight === 0) {
      timer = setTimeout(() => {
        const ws = waiters;
        waiters = [];
        ws.forEach((w) => w());
      }, QUIET_MS);
    }
  };
  page.on('request', () => { inflight++; clearTimeout(timer); });
  const down = () => { inflight = Math.max(0, inflight - 1); settle(); };
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  return {
    quiet(max = 5000) {
      return new Promise((resolve) => {
        const cap = setTimeout(resolve, max);
        waiters.push(() => { clearTimeout(cap); resolve(); });
        settle();
      });
    },
  };
}

async function freshPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors, requests: trackRequests(page) };
}

// In the page: results shown; or, once the app has taken the page over (a prerendered search page
// may show its prompt before the app has read the query), a status or an error in place of
// results (no results, the other languages' counts, a bad address) and no skeleton left.
const SETTLED = () => {
  if (document.querySelector('.search-result')) return true;
  const main = document.querySelector('main');
  return document.documentElement.hasAttribute('data-app') && !!main
    && main.getAttribute('aria-busy') !== 'true' && !main.querySelector('.skeleton, [aria-busy="true"]')
    && !!main.querySelector('.message, .search-elsewhere, [role="status"], [role="alert"], .error-view, .not-found');
};

/**
 * The paths that the search page fetches without a query, per language: the page itself (HTML,
 * app, chunks, site data), which the query's bytes leave out.
 */
export async function ourBaseline(browser, origin, lang, serverLog) {
  const { context, page, requests } = await freshPage(browser);
  const mark = serverLog.length;
  try {
    await page.goto(`${origin}/${lang}/search/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: RESULT_TIMEOUT })
      .catch(() => {});
    await requests.quiet();
  } finally {
    await context.close();
  }
  return new Set(serverLog.slice(mark).map((r) => r.path));
}

/** Runs `query` on our search page; returns the ranked result links, bytes and timings. */
export async function runOurs(browser, origin, { lang, query }, { serverLog, baseline }) {
  const { context, page, errors, requests } = await freshPage(browser);
  const mark = serverLog.length;
  const out = { links: [], ms: null, timeout: false };
  try {
    await page.goto(`${origin}/${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(SETTLED, null, { timeout: RESULT_TIMEOUT, polling: 'raf' });
      out.ms = await page.evaluate(() => performance.now());
    } catch {
      out.timeout = true;
    }
    await requests.quiet();
    out.links = await page.$$eval('.search-result', (items) =>
      items.map((li) => li.querySelector('a[href]')?.href ?? null).filter(Boolean));
  } finally {
    await context.close();
  }
  out.groups = out.links.map((l) => [l]);
  const prefix = `/api/v1/${lang}/search/`;
  const mine = serverLog.slice(mark).filter((r) => r.path.startsWith(prefix) || !baseline.has(r.path));
  out.bytes = await tally(mine, prefix);
  out.errors = errors;
  return out;
}

/** The benchmark's page that runs Pagefind, one per language (its `<html lang>`). */
export function pagefindPage(htmlLang) {
  return `<!doctype html>
<html lang="${htmlLang}">
<meta charset="utf-8">
<title>Pagefind</title>
<ol id="results"></ol>
<script type="module">
// As the Pagefind Default UI with showSubResults: the page, then up to 3 sub-results (headings
// with an id), the ones with the most matches, in page order.
function links(data) {
  const subs = Array.isArray(data.sub_results) ? data.sub_results : [];
  const rest = subs.length && subs[0].url === data.url ? subs.slice(1) : subs;
  const top = rest.length <= 3 ? rest
    : [...rest].sort((a, b) => b.locations.length - a.locations.length).slice(0, 3);
  return [data.url, ...rest.filter((s) => top.includes(s)).map((s) => s.url)];
}
const q = new URLSearchParams(location.search).get('q') ?? '';
try {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  window.__pagefind = { total: search.results.length, results: data.map(links), ms: performance.now() };
  for (const d of data) {
    const li = document.createElement('li');
    li.textContent = d.meta?.title ?? d.url;
    document.getElementById('results').append(li);
  }
} catch (e) {
  window.__pagefind = { error: String(e), results: [], ms: performance.now() };
}
</script>
`;
}

/** Runs `query` on the Pagefind page of its language (served under `pagePrefix`). */
export async function runPagefind(browser, origin, { lang, query }, { serverLog, pagePrefix }) {
  const { context, page, errors, requests } = await freshPage(browser);
  const mark = serverLog.length;
  const out = { links: [], ms: null, timeout: false };
  try {
    await page.goto(`${origin}${pagePrefix}${lang}.html?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => window.__pagefind, null, { timeout: RESULT_TIMEOUT, polling: 50 });
    } catch {
      out.timeout = true;
    }
    await requests.quiet();
    const r = await page.evaluate(() => window.__pagefind ?? null);
    if (r?.error) errors.push(r.error);
    out.ms = r?.ms ?? null;
    out.total = r?.total ?? 0;
    // Each result is a group of links; the rank is the group's.
    out.groups = (r?.results ?? []).map((group) => group.map((u) => new URL(u, origin).href));
  } finally {
    await context.close();
  }
  out.links = out.groups.map((g) => g[0]);
  const mine = serverLog.slice(mark).filter((rec) => rec.path.startsWith('/pagefind/'));
  out.bytes = await tally(mine, '/pagefind/');
  out.errors = errors;
  return out;
}

/** The `<html lang>` of each language's prerendered home page. */
export async function htmlLangs(dist, langs) {
  const out = {};
  for (const lang of langs) {
    const html = await readFile(`${dist}/${lang}/index.html`, 'utf8');
    out[lang] = html.match(/<html[^>]*\slang="([^"]+)"/)?.[1] ?? lang;
  }
  return out;
}
