// The benchmark (called by scripts/bench): serves a built dist/ like a CDN (bench/server.mjs) and
// measures first-load transfer sizes, Lighthouse (mobile) against a plain-HTML reference page,
// client-side navigation times and memory, and search results on a slow phone. Writes
// bench/results.json and bench/results.md.
// Usage: node bench/run.mjs [--dist dist] [--runs 3] [--navs 50] [--memory-navs 200]
//        [--only sizes,startup,lighthouse,navigation,memory,search] [--build-seconds N] [--out bench] [--port 8790]
// The port is fixed so that the site can be built for its address (scripts/bench builds with
// --origin http://127.0.0.1:8790): canonical and hreflang links are absolute, as in a deploy.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { precompress } from '../scripts/precompress.mjs';
import { start } from './server.mjs';
import { firstLoad } from './sizes.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { startupTimes } from './startup.mjs';
import { CHROMIUM, memoryGrowth, navigationTimes } from './navigation.mjs';
import { writePlainArticle } from './plain.mjs';
import { slowPhoneSearch } from './slow-search.mjs';
import { markdown } from './report.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'bench' },
    runs: { type: 'string', default: '3' },
    navs: { type: 'string', default: '50' },
    'memory-navs': { type: 'string', default: '200' },
    only: { type: 'string', default: 'sizes,startup,lighthouse,navigation,memory,search' },
    'build-seconds': { type: 'string' },
    port: { type: 'string', default: '8790' },
  },
});
const only = new Set(opt.only.split(','));
const work = join(opt.out, 'out', 'run'); // wiped at each run
const log = (...a) => console.log(...a);
const seconds = (t0) => Math.round((performance.now() - t0) / 100) / 10;

// The seed article: the one real article (not sample) of the English feed, Uzbekistan–Kazakhstan.
async function seedArticle(dist) {
  for (let id = 1; id < 200; id++) {
    try {
      const a = JSON.parse(await readFile(join(dist, 'api/v1/en/news', `${id}.json`), 'utf8'));
      if (!a.sample && /Kazakhstan/.test(a.title)) return id;
    } catch { /* not there */ }
  }
  return 1;
}

const git = (...args) => {
  try { return execFileSync('git', args, { encoding: 'utf8' }).trim(); } catch { return null; }
};

const t00 = performance.now();
const results = {
  date: new Date().toISOString(),
  // BENCH_COMMIT: set when benchmarking an exported tree (git archive) of that commit.
  commit: process.env.BENCH_COMMIT ?? git('rev-parse', '--short', 'HEAD'),
  worktreeDirty: process.env.BENCH_COMMIT ? false
    : (git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'style', 'index.html', 'Trunk.toml', 'Cargo.toml', 'Cargo.lock') ?? '') !== '',
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavgAtStart: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version },
  build: opt['build-seconds'] ? { seconds: Number(opt['build-seconds']) } : { skipped: true },
};

// 1. Precompression (scripts/build already did it): timed here from scratch, and again with
// the content-hash cache that a rebuild uses.
{
  let t0 = performance.now();
  const totals = await precompress(opt.dist, { cache: false });
  results.precompress = { seconds: seconds(t0), ...totals };
  t0 = performance.now();
  await precompress(opt.dist);
  results.precompress.cachedSeconds = seconds(t0);
  log(`precompress: ${totals.files} files in ${results.precompress.seconds} s (${results.precompress.cachedSeconds} s from the cache)`);
}

await rm(work, { recursive: true, force: true });
await mkdir(work, { recursive: true });
const seed = await seedArticle(opt.dist);
const plainPath = await writePlainArticle(opt.dist, join(work, 'plain'), { id: seed });
const serverLog = [];
const server = await start(opt.dist, Number(opt.port), '/', { mounts: { '/__plain/': join(work, 'plain') }, log: (r) => serverLog.push(r) });
const origin = `http://127.0.0.1:${server.address().port}`;
const pages = { home: '/en/', feed: '/en/news', article: `/en/news/${seed}` };
results.pages = { ...pages, plain: `/__plain${plainPath}` };

try {
  const browser = await chromium.launch(CHROMIUM);
  results.chromium = browser.version();
  try {
    if (only.has('sizes')) {
      log('first-load transfer sizes…');
      results.sizes = {};
      for (const [name, path] of Object.entries({ ...pages, plain: results.pages.plain })) {
        results.sizes[name] = await firstLoad(browser, origin + path, serverLog);
      }
      const app = results.sizes.home.appBrotli;
      results.budget = { limitBytes: 140 * 1024, wasmJsCssBrotli: app, over: app - 140 * 1024, ok: app <= 140 * 1024 };
    }
    if (only.has('startup')) {
      log('app start-up (4x CPU slowdown)…');
      const t0 = performance.now();
      const urls = Object.fromEntries(Object.entries(pages).map(([k, p]) => [k, origin + p]));
      results.startup = await startupTimes(browser, urls, { log });
      results.startup.seconds = seconds(t0);
    }
    if (only.has('navigation')) {
      log('client-side navigation…');
      const t0 = performance.now();
      results.navigation = await navigationTimes(browser, origin, { count: Number(opt.navs), log });
      results.navigation.seconds = seconds(t0);
    }
    if (only.has('search')) {
      log('search results on a slow phone (400 kbit/s, 400 ms RTT, 4x CPU)…');
      const t0 = performance.now();
      results.slowSearch = await slowPhoneSearch(browser, origin, { runs: Number(opt.runs), log });
      results.slowSearch.seconds = seconds(t0);
    }
    if (only.has('memory')) {
      log('memory…');
      const t0 = performance.now();
      results.memory = await memoryGrowth(browser, origin, { total: Number(opt['memory-navs']), log });
      results.memory.seconds = seconds(t0);
    }
  } finally {
    await browser.close();
  }
  if (only.has('lighthouse')) {
    log(`lighthouse (mobile, median of ${opt.runs})…`);
    const t0 = performance.now();
    const urls = Object.fromEntries(Object.entries(results.pages).map(([k, p]) => [k, origin + p]));
    results.lighthouse = await runLighthouse(urls, { runs: Number(opt.runs), outDir: work, log });
    results.lighthouseSeconds = seconds(t0);
  }
} finally {
  server.close();
}

results.seconds = seconds(t00);
results.machine.loadavgAtEnd = loadavg().map((x) => Math.round(x * 100) / 100);
await writeFile(join(opt.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
const md = markdown(results);
await writeFile(join(opt.out, 'results.md'), md);
console.log(`\n${md}`);
console.log(`bench: ${results.seconds} s; written ${join(opt.out, 'results.json')} and ${join(opt.out, 'results.md')}`);
