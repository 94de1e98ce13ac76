// The search benchmark (called by scripts/bench-search): indexes a built site with Pagefind,
// serves it like a CDN (../server.mjs), runs every query of queries.json on our search page and
// on Pagefind in headless Chromium, and writes bench/search/results.md (printed too) and
// bench/out/search/results.json (every query's ranks, links and bytes).
// Usage: node bench/search/run.mjs [--dist dist-bench] [--queries bench/search/queries.json]
//        [--only ours,pagefind] [--lang ru,oz] [--kind typo] [--limit N] [--no-index]
//        [--md bench/search/results.md] [--json bench/out/search/results.json] [--workers 1]
//        [--before an earlier run's results.json: its scores are shown next to these]
//        node bench/search/run.mjs --report bench/out/search/results.json  (the Markdown again, no run)
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { start } from '../server.mjs';
import { CHROMIUM } from '../navigation.mjs';
import { fileSizes } from '../sizes.mjs';
import { htmlLangs, ourBaseline, pagefindPage, runOurs, runPagefind } from './engines.mjs';
import { markdown, LANGS, rankOf, scores } from './report.mjs';
import { anchorChecker, normalise } from './routes.mjs';

const { values: opt } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist-bench' },
    queries: { type: 'string', default: 'bench/search/queries.json' },
    only: { type: 'string', default: 'ours,pagefind' },
    lang: { type: 'string' },
    kind: { type: 'string' },
    limit: { type: 'string' },
    'no-index': { type: 'boolean', default: false },
    md: { type: 'string', default: 'bench/search/results.md' },
    json: { type: 'string', default: 'bench/out/search/results.json' },
    report: { type: 'string' },
    workers: { type: 'string', default: '1' },
    before: { type: 'string' },
  },
});
/** The scores of an earlier run, kept in this run's JSON (so that --report shows them too). */
async function before(file) {
  if (!file) return undefined;
  const r = JSON.parse(await readFile(file, 'utf8'));
  return { commit: r.commit, date: r.date, scores: scores(r.results, r.engines) };
}

if (opt.report) {
  const r = JSON.parse(await readFile(opt.report, 'utf8'));
  if (opt.before) r.before = await before(opt.before);
  const md = markdown(r);
  await writeFile(opt.md, md);
  console.log(md);
  process.exit(0);
}
const engines = ['ours', 'pagefind'].filter((e) => opt.only.split(',').includes(e));
const log = (...a) => console.log(...a);
const git = (...args) => {
  try { return execFileSync('git', args, { encoding: 'utf8' }).trim(); } catch { return null; }
};
const PAGEFIND = 'node_modules/.bin/pagefind';

// Pagefind indexes what a careful integrator would give it: the pages that are documents
// (articles, FAQ, helplines, agencies, static pages; not feeds, home or search pages, which
// repeat the articles' titles), from their <main> only, without the breadcrumbs, related news,
// share and feedback tools or the filter forms around the content. Our engine indexes the same
// documents from the content API.
const PAGEFIND_ARGS = [
  '--output-subdir', 'pagefind',
  '--glob', `{${LANGS.join(',')}}/{news/*,faq,helplines,agencies,pages/*}/index.html`,
  '--root-selector', 'main',
  '--exclude-selectors', 'nav, form, .breadcrumbs, .article__related, .article__notice, .page-actions, .feedback',
];

async function* walk(dir) {
  let entries;
  try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* walk(path);
    else if (e.isFile() && !/\.(br|gz)$/.test(e.name)) yield path;
  }
}

/** Total raw and brotli bytes of the files `pick` accepts, split into data and code. */
async function indexSize(root, classify) {
  const out = { data: { files: 0, raw: 0, brotli: 0 }, code: { files: 0, raw: 0, brotli: 0 }, byLang: {} };
  for await (const file of walk(root)) {
    const c = classify(relative(root, file));
    if (!c) continue;
    const s = await fileSizes(file);
    const t = out[c.kind];
    t.files++; t.raw += s.raw; t.brotli += s.brotli;
    if (c.kind === 'data' && c.lang) {
      const l = (out.byLang[c.lang] ??= { raw: 0, brotli: 0 });
      l.raw += s.raw; l.brotli += s.brotli;
    }
  }
  return out;
}

const t0 = performance.now();
const dist = opt.dist;
try {
  await stat(join(dist, '200.html'));
} catch {
  console.error(`bench-search: no built site in ${dist} (run scripts/build --dist ${dist})`);
  process.exit(1);
}
let queries = JSON.parse(await readFile(opt.queries, 'utf8'));
if (opt.lang) queries = queries.filter((q) => opt.lang.split(',').includes(q.lang));
if (opt.kind) queries = queries.filter((q) => opt.kind.split(',').includes(q.kind));
if (opt.limit) queries = queries.slice(0, Number(opt.limit));
const langs = LANGS.filter((l) => queries.some((q) => q.lang === l));
const siteLang = await htmlLangs(dist, LANGS);
const pagefindVersion = (() => {
  try { return execFileSync(PAGEFIND, ['--version'], { encoding: 'utf8' }).trim().replace(/^pagefind\s*/i, ''); } catch { return null; }
})();

if (engines.includes('pagefind') && !opt['no-index']) {
  log(`pagefind ${pagefindVersion}: indexing ${dist}…`);
  await rm(join(dist, 'pagefind'), { recursive: true, force: true });
  const out = execFileSync(PAGEFIND, ['--site', dist, ...PAGEFIND_ARGS], { encoding: 'utf8' });
  log(out.split('\n').filter((l) => /Indexed|language|pages|words|Total/i.test(l)).join('\n'));
}

// Pagefind's language of each index file: its name starts with the (lower-case) language code.
const pagefindLang = Object.fromEntries(Object.entries(siteLang).map(([l, h]) => [h.toLowerCase(), l]));
const langOfPagefindFile = (name) => {
  const m = name.match(/(?:^|\/)(?:pagefind\.)?([a-z]{2,3}(?:-[a-z]+)?)_[0-9a-f]+\.pf_/i);
  return m ? pagefindLang[m[1].toLowerCase()] ?? m[1] : null;
};
const indexSizes = {};
if (engines.includes('ours')) {
  indexSizes.ours = { data: { files: 0, raw: 0, brotli: 0 }, code: { files: 0, raw: 0, brotli: 0 }, byLang: {} };
  for (const l of LANGS) {
    const z = await indexSize(join(dist, 'api/v1', l, 'search'), () => ({ kind: 'data', lang: l }));
    indexSizes.ours.data.files += z.data.files;
    indexSizes.ours.data.raw += z.data.raw;
    indexSizes.ours.data.brotli += z.data.brotli;
    indexSizes.ours.byLang[l] = z.byLang[l];
  }
}
if (engines.includes('pagefind')) {
  indexSizes.pagefind = await indexSize(join(dist, 'pagefind'), (name) => {
    if (/^pagefind-(ui|modular-ui|component-ui|highlight)/.test(name)) return null; // UI kits, not used here
    if (name === 'pagefind.js' || /\.pagefind$/.test(name)) return { kind: 'code' };
    return { kind: 'data', lang: langOfPagefindFile(name) };
  });
}

const pageDir = join('bench/out/search/page');
await rm(pageDir, { recursive: true, force: true });
await mkdir(pageDir, { recursive: true });
for (const l of LANGS) await writeFile(join(pageDir, `${l}.html`), pagefindPage(siteLang[l]));

// Queries run in `--workers` parallel lanes, each with a server of its own, so that each
// server's log holds only its lane's requests (one query at a time per lane).
const workers = Math.max(1, Number(opt.workers));
const lanes = [];
for (let w = 0; w < workers; w++) {
  const serverLog = [];
  const server = await start(dist, 0, '/', { mounts: { '/__bench-search/': pageDir }, log: (r) => serverLog.push(r) });
  lanes.push({ server, serverLog, origin: `http://127.0.0.1:${server.address().port}` });
}
const landing = anchorChecker(dist);
const results = new Array(queries.length);
let chromiumVersion = null;
try {
  const browser = await chromium.launch(CHROMIUM);
  chromiumVersion = browser.version();
  try {
    const baselines = {};
    if (engines.includes('ours')) {
      for (const l of langs) baselines[l] = await ourBaseline(browser, lanes[0].origin, l, lanes[0].serverLog);
    }
    let next = 0;
    let done = 0;
    await Promise.all(lanes.map(async ({ origin, serverLog }) => {
      while (next < queries.length) {
        const i = next++;
        const q = queries[i];
        const row = { ...q };
        for (const e of engines) {
          const r = e === 'ours'
            ? await runOurs(browser, origin, q, { serverLog, baseline: baselines[q.lang] })
            : await runPagefind(browser, origin, q, { serverLog, pagePrefix: '/__bench-search/' });
          r.rank = await rankOf(r.groups, q.expected, landing);
          r.top = await Promise.all(r.groups.slice(0, 10).map((g) => landing(g[0])));
          delete r.groups;
          row[e] = r;
        }
        results[i] = row;
        const show = (e) => (row[e].rank ? `#${row[e].rank}` : (row[e].timeout ? 'timeout' : 'miss'));
        log(`[${++done}/${queries.length}] ${q.lang} ${q.kind} “${q.query}”: ${engines.map((e) => `${e} ${show(e)}`).join(', ')}`);
      }
    }));
  } finally {
    await browser.close();
  }
} finally {
  for (const { server } of lanes) server.close();
}

// Expected routes whose anchor is on no page of this build (e.g. helpline ids the page lacks).
const missingExpected = [];
for (const q of queries) {
  for (const e of q.expected) {
    const r = normalise(e);
    if (r.includes('#') && (await landing(r)) !== r && !missingExpected.includes(r)) missingExpected.push(r);
  }
}

const run = {
  date: new Date().toISOString(),
  dist,
  commit: process.env.BENCH_COMMIT ?? git('rev-parse', '--short', 'HEAD'),
  // BENCH_COMMIT: what scripts/bench-search built (it says so when the tree had changes).
  dirty: process.env.BENCH_COMMIT ? false
    : (git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'crates', 'content', 'public') ?? '') !== '',
  pagefindVersion,
  chromium: chromiumVersion,
  engines,
  workers,
  indexSize: indexSizes,
  missingExpected,
  results,
  before: await before(opt.before),
  seconds: Math.round((performance.now() - t0) / 100) / 10,
};
await mkdir(dirname(opt.json), { recursive: true });
await writeFile(opt.json, `${JSON.stringify(run, null, 2)}\n`);
const md = markdown(run);
await writeFile(opt.md, md);
log(`\n${md}`);
log(`bench-search: ${run.seconds} s; written ${opt.md} and ${opt.json}`);
