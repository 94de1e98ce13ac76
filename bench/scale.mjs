// The front end at scale (scripts/bench-scale): serves the built app (a copy of dist/'s
// files, the SPA shell 200.html for every route, never the prerendered pages, which hold the
// small API's content) with `api/v1/` answered from a given API folder, and measures with
// playwright-core driving Debian's Chromium (cold context per load, service workers blocked,
// no throttling) for the en language, for the big API and for the small one:
// the time from navigation start to the h1 and to the content, the API bytes (raw, and gzip /
// brotli computed here), the API request count; for the search also the time from Enter in
// the search box (on the interactive search page) to the first result and what the query
// fetched. Never fails: prints "FAILED: ..." for a page that did not show its content.
//
//   node bench/scale.mjs --dist DIR --api big=DIR --api small=DIR [--runs N] [--out DIR]
//                        [--build-json FILE] [--articles N]
import { createServer } from 'node:http';
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const require = createRequire(join(ROOT, 'package.json'));
const { chromium } = require('playwright-core');

const opts = { dist: null, apis: [], runs: 3, out: join(ROOT, 'bench'), buildJson: null, articles: null };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const v = argv[i + 1];
  switch (argv[i]) {
    case '--dist': opts.dist = v; i++; break;
    case '--api': { const [name, ...dir] = v.split('='); opts.apis.push({ name, dir: dir.join('=') }); i++; break; }
    case '--runs': opts.runs = Number(v); i++; break;
    case '--out': opts.out = v; i++; break;
    case '--build-json': opts.buildJson = v; i++; break;
    case '--articles': opts.articles = Number(v); i++; break;
    default: console.error(`scale: unknown option ${argv[i]}`); process.exit(0);
  }
}

// ---- the server ----------------------------------------------------------------------------
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json', '.xml': 'application/xml',
};
async function file(path) {
  try { return (await stat(path)).isFile() ? await readFile(path) : null; } catch { return null; }
}
function serve(dist, api) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const safe = normalize(path).replace(/^(\.\.[/\\])+/, '');
    let body, type = TYPES[extname(safe)] || 'application/octet-stream';
    if (safe.startsWith('/api/v1/')) body = await file(join(api, safe.slice('/api/v1/'.length)));
    else {
      body = await file(join(dist, safe));
      if (!body && !extname(safe)) { body = await file(join(dist, '200.html')); type = TYPES['.html']; }
    }
    if (!body) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- sizes ---------------------------------------------------------------------------------
const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
const br = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
function sizes(bodies) {
  let raw = 0, g = 0, b = 0;
  for (const x of bodies) { raw += x.length; g += gz(x); b += br(x); }
  return { requests: bodies.length, raw, gzip: g, brotli: b };
}

// ---- in the page ---------------------------------------------------------------------------
// Installed before the app: records (performance.now(), i.e. since navigation start) when the
// one h1 first has text, and when the content first shows, with the app started
// (`<html data-app>`), no skeleton and nothing busy under main.
const INIT = () => {
  window.__scale = { h1: null, content: null, selector: null, enter: null, result: null };
  const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const check = () => {
    const s = window.__scale, now = performance.now();
    const h1 = document.querySelector('main h1') || document.querySelector('h1');
    if (s.h1 === null && h1 && h1.textContent.trim()) s.h1 = now;
    if (s.content === null && s.selector && document.documentElement.hasAttribute('data-app') && !document.querySelector('.skeleton, .skeleton__item, main [aria-busy="true"]')
        && visible(document.querySelector(s.selector))) s.content = now;
    if (s.enter !== null && s.result === null && visible(document.querySelector('.search-result'))) s.result = now;
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter' && window.__scale.enter === null && window.__scale.armed) window.__scale.enter = e.timeStamp; }, { capture: true });
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // Layout (visibility) changes without a DOM change: a light poll as well.
  const tick = () => { check(); if (window.__scale.content === null || window.__scale.enter !== null && window.__scale.result === null) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
};

const round = (x) => (x === null || x === undefined ? null : Math.round(x));
const median = (xs) => {
  const ok = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!ok.length) return null;
  const m = ok.length >> 1;
  return ok.length % 2 ? ok[m] : (ok[m - 1] + ok[m]) / 2;
};

async function load(browser, origin, route, selector, { search = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let api = [];
  const pending = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith('/api/')) return;
    const entry = { path: u.pathname, status: r.status(), body: null };
    api.push(entry);
    pending.push(r.body().then((b) => { entry.body = b; }, () => { entry.body = Buffer.alloc(0); }));
  });
  const result = { route, h1_ms: null, content_ms: null, h1: null, ok: false };
  try {
    await page.goto(origin + route, { waitUntil: 'commit' });
    await page.evaluate((sel) => { window.__scale.selector = sel; }, selector);
    await page.waitForFunction(() => window.__scale.content !== null, null, { timeout: 30000, polling: 50 });
    result.ok = true;
  } catch (e) {
    result.error = e.message.split('\n')[0];
  }
  const s = await page.evaluate(() => window.__scale).catch(() => ({}));
  result.h1_ms = round(s.h1); result.content_ms = round(s.content);
  result.h1 = await page.locator('h1').first().textContent({ timeout: 1000 }).then((t) => t.trim()).catch(() => null);
  result.items = await page.locator(selector).count().catch(() => 0);
  await Promise.all(pending);
  const bodies = () => api.map((a) => a.body).filter(Boolean);
  result.api = sizes(bodies());
  result.api.not_ok = api.filter((a) => a.status !== 200).map((a) => `${a.status} ${a.path}`);

  if (search && result.ok) {
    // The search page, interactive (the app started, the h1 shown): type, Enter, first result.
    api = []; pending.length = 0;
    const q = { word: search, ms: null, ok: false };
    try {
      const main = page.locator('main').getByRole('searchbox');
      const box = (await main.count()) ? main.first() : page.getByRole('searchbox').first();
      await box.fill(search);
      await page.evaluate(() => { window.__scale.armed = true; });
      await box.press('Enter');
      await page.waitForFunction(() => window.__scale.result !== null, null, { timeout: 30000, polling: 50 });
      const t = await page.evaluate(() => window.__scale);
      q.ms = round(t.result - t.enter);
      q.ok = true;
      q.results = await page.locator('.search-result').count();
      q.count = await page.locator('.feed__count').first().textContent({ timeout: 1000 }).then((x) => x.trim()).catch(() => null);
    } catch (e) {
      q.error = e.message.split('\n')[0];
    }
    await page.waitForTimeout(300); // late requests of the query
    await Promise.all(pending);
    q.api = sizes(bodies());
    q.files = api.map((a) => a.path.replace(/^.*\/search\//, ''));
    result.query = q;
  }
  if (errors.length) result.page_errors = errors.slice(0, 5);
  await context.close();
  return result;
}

async function plan(apiDir) {
  const json = async (p) => JSON.parse(await readFile(join(apiDir, p), 'utf8'));
  const first = await json('en/news/page/1.json');
  const last = await json(`en/news/page/${first.total_pages}.json`);
  const newest = first.items[0];
  const words = (t) => t.toLowerCase().match(/\p{L}{5,}/gu) || [];
  const word = words(newest.title)[0] || words(first.items.map((i) => i.title).join(' '))[0];
  return {
    total_pages: first.total_pages, total_items: first.total_items,
    pages: [
      { name: 'feed, first page', route: '/en/news', selector: '.news-item' },
      { name: `feed, last page (${first.total_pages})`, route: `/en/news/page/${first.total_pages}`, selector: '.news-item' },
      { name: `article ${last.items[0].id}`, route: `/en/news/${last.items[0].id}`, selector: 'article p' },
      { name: `calendar ${newest.date}`, route: `/en/news?date=${newest.date}`, selector: '.news-item' },
      { name: `search “${word}”`, route: `/en/search?q=${encodeURIComponent(word)}`, selector: '.search-result' },
      { name: `search page, typed “${word}”`, route: '/en/search', selector: 'main h1', search: word },
    ],
  };
}

const kib = (b) => (b === null || b === undefined ? '–' : (b / 1024).toFixed(1));
const ms = (x) => (x === null || x === undefined ? '–' : `${Math.round(x)}`);

async function main() {
  const build = opts.buildJson ? JSON.parse(await readFile(opts.buildJson, 'utf8').catch(() => 'null')) : null;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const report = { date: new Date().toISOString(), dist: opts.dist, runs: opts.runs, articles: opts.articles, build, apis: [] };
  const failed = [];
  for (const { name, dir } of opts.apis) {
    const server = await serve(opts.dist, dir);
    const origin = `http://127.0.0.1:${server.address().port}`;
    const p = await plan(dir);
    const entry = { name, dir, total_items: p.total_items, total_pages: p.total_pages, pages: [] };
    console.error(`== ${name} API (${dir}): ${p.total_items} en news items, ${p.total_pages} pages`);
    // A warm-up load (Chromium's first start, the wasm compiled once into the code cache is
    // per context anyway), not counted.
    await load(browser, origin, '/en/news', '.news-item').catch(() => {});
    for (const pg of p.pages) {
      const runs = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await load(browser, origin, pg.route, pg.selector, { search: pg.search }));
      const okRuns = runs.filter((r) => r.ok && (!pg.search || r.query?.ok));
      const last = runs[runs.length - 1];
      const row = {
        page: pg.name, route: pg.route, runs: runs.length, ok: okRuns.length === runs.length,
        h1_ms: median(runs.map((r) => r.h1_ms)), content_ms: median(runs.map((r) => r.content_ms)),
        h1: last.h1, items: last.items, api: last.api,
      };
      if (pg.search) {
        row.query = {
          word: pg.search, ms: median(runs.map((r) => r.query?.ms)), results: last.query?.results, count: last.query?.count,
          api: last.query?.api, files: last.query?.files,
        };
      }
      const errs = runs.flatMap((r) => [r.error, r.query?.error, ...(r.page_errors || []), ...(r.api?.not_ok || [])]).filter(Boolean);
      if (errs.length) row.errors = [...new Set(errs)];
      if (!row.ok) failed.push(`${name} API: ${pg.name} (${pg.route}) did not show its content in ${runs.length - okRuns.length} of ${runs.length} runs: ${(row.errors || []).join('; ')}`);
      entry.pages.push(row);
      console.error(`   ${pg.name}: h1 ${ms(row.h1_ms)} ms, content ${ms(row.content_ms)} ms, ${row.api.requests} API requests, ${kib(row.api.raw)} KiB${row.query ? `; query ${ms(row.query.ms)} ms, ${kib(row.query.api?.brotli)} KiB br` : ''}${row.ok ? '' : '  FAILED'}`);
    }
    report.apis.push(entry);
    server.close();
  }
  await browser.close();
  report.failed = failed;

  // ---- the report --------------------------------------------------------------------------
  const L = [];
  L.push(`# Scale benchmark (${report.date.slice(0, 10)})`, '');
  L.push(`\`scripts/bench-scale${opts.articles ? ` --articles ${opts.articles}` : ''}\`: the built app (dist: \`${opts.dist}\`, SPA shell for every route) served by \`bench/scale.mjs\` with \`api/v1\` from each API; Chromium (playwright-core), cold context per load, service workers blocked, no throttling, 2 shared cores; median of ${opts.runs} loads. Times in ms from navigation start; API bytes in KiB (raw as served, uncompressed; gzip -9 and brotli 11 computed on the bodies).`, '');
  if (build) {
    L.push(`Big API: ${build.articles} sample articles (seed 1) added to a copy of \`content/\`, \`portal-content build\` in release (all five languages): ${build.build_wall} wall, ${build.build_cpu} CPU, peak RSS ${build.peak_rss_mib} MiB, ${build.files} files, ${build.size} (apparent) in \`${build.where}\`; sample generation ${build.sample_wall}.`, '');
  }
  for (const a of report.apis) {
    L.push(`## ${a.name} API — ${a.total_items} en news items, ${a.total_pages} feed pages`, '');
    L.push('| page | h1 | content | API req | API raw | gzip | brotli | status |', '|---|---:|---:|---:|---:|---:|---:|---|');
    for (const r of a.pages) {
      L.push(`| ${r.page} (\`${r.route}\`) | ${ms(r.h1_ms)} | ${ms(r.content_ms)} | ${r.api.requests} | ${kib(r.api.raw)} | ${kib(r.api.gzip)} | ${kib(r.api.brotli)} | ${r.ok ? 'ok' : 'FAILED'} |`);
    }
    const s = a.pages.find((r) => r.query);
    if (s) {
      const q = s.query;
      L.push('', `Search typed on the interactive \`/en/search\` page: “${q.word}”, Enter → first \`.search-result\`: **${ms(q.ms)} ms**; ${q.count ?? '?'}; fetched ${q.api?.requests ?? 0} files (${(q.files || []).join(', ')}), ${kib(q.api?.raw)} KiB raw, ${kib(q.api?.gzip)} KiB gzip, ${kib(q.api?.brotli)} KiB brotli.`);
    }
    L.push('');
  }
  if (failed.length) L.push('**FAILED:**', '', ...failed.map((f) => `- ${f}`), '');
  const md = L.join('\n');
  await mkdir(opts.out, { recursive: true });
  await writeFile(join(opts.out, 'scale.json'), JSON.stringify(report, null, 2) + '\n');
  await writeFile(join(opts.out, 'scale.md'), md);
  console.log(md);
  for (const f of failed) console.log(`FAILED: ${f}`);
}

main().catch((e) => { console.log(`FAILED: the benchmark stopped: ${e.stack || e}`); process.exitCode = 0; });
