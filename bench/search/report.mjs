// Scores and the Markdown report of the search benchmark: hit@10 and MRR@10 per kind and
// language for both engines, bytes fetched per query, index sizes, and the queries each engine
// misses (so that a miss can be looked at, not only counted).
import { median, percentile } from '../stats.mjs';
import { normalise } from './routes.mjs';

export const LANGS = ['en', 'ru', 'oz', 'uz', 'qr'];
export const KINDS = {
  exact: 'a word of the title',
  body: 'a word of the body only',
  inflected: 'another form of a word (case, plural, possessive, suffix chain)',
  script: 'the other script (Cyrillic on oz/qr, Latin on uz)',
  apostrophe: 'apostrophe and letter variants a keyboard makes (oʻ/o\'/o`, ъ, ё/е, á/a\', ı/i)',
  typo: 'one typo in a word of 5 letters or more',
  'two-words': 'two words',
  paraphrase: 'an FAQ question in other words',
  helpline: 'a helpline by topic (police, ambulance, electricity, passport)',
  english: 'an English word on another language\'s site (untranslated article)',
};
export const ENGINES = { ours: 'ours', pagefind: 'Pagefind' };

/**
 * Ranks one engine's answer to a query: `groups` are its results in order, each a list of links
 * (ours: one; Pagefind: the page and its sub-results). `landing` maps a link to where the reader
 * lands. Returns the 1-based rank of the first result that reaches an expected route, or null.
 */
export async function rankOf(groups, expected, landing) {
  const want = new Set(expected.map(normalise));
  for (let i = 0; i < Math.min(groups.length, 10); i++) {
    for (const link of groups[i]) {
      if (want.has(await landing(link))) return i + 1;
    }
  }
  return null;
}

function score(rows) {
  const n = rows.length;
  const hits = rows.filter((r) => r.rank !== null).length;
  const mrr = n ? rows.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / n : null;
  return { n, hits, hit: n ? hits / n : null, mrr };
}

/** Scores by kind × language (and totals) for each engine. */
export function scores(results, engines) {
  const out = {};
  for (const engine of engines) {
    const mine = results.filter((r) => r[engine]);
    const cell = (kind, lang) => score(mine
      .filter((r) => (!kind || r.kind === kind) && (!lang || r.lang === lang))
      .map((r) => r[engine]));
    out[engine] = {};
    for (const kind of [...Object.keys(KINDS), null]) {
      for (const lang of [...LANGS, null]) out[engine][`${kind ?? 'all'}/${lang ?? 'all'}`] = cell(kind, lang);
    }
  }
  return out;
}

const pct = (x) => (x === null ? '–' : `${Math.round(x * 100)} %`);
const dec = (x) => (x === null ? '–' : x.toFixed(2));
const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);

function bytesSummary(results, engine) {
  const rows = results.map((r) => r[engine]).filter(Boolean);
  const data = rows.map((r) => r.bytes.data);
  const index = rows.map((r) => r.bytes.index ?? r.bytes.data);
  const all = rows.map((r) => r.bytes.data + r.bytes.code);
  return {
    indexMedian: median(index), indexP90: percentile(index, 90),
    dataMedian: median(data), dataP90: percentile(data, 90),
    allMedian: median(all), allP90: percentile(all, 90),
    requestsMedian: median(rows.map((r) => r.bytes.requests)),
    msMedian: median(rows.map((r) => r.ms)),
    timeouts: rows.filter((r) => r.timeout).length,
  };
}

/** The Markdown report. */
export function markdown(run) {
  const engines = run.engines;
  const s = scores(run.results, engines);
  const names = engines.map((e) => ENGINES[e]).join(' · ');
  const L = [];
  L.push('# Search: ours and Pagefind on the same site', '');
  L.push(`Build \`${run.dist}\` at ${run.commit ?? '?'}${run.dirty ? ' (with uncommitted changes)' : ''}, measured ${run.date}; `
    + `Pagefind ${run.pagefindVersion ?? '?'}, Chromium ${run.chromium ?? '?'}; ${run.results.length} queries of `
    + '`bench/search/queries.json`, made by `scripts/bench-search` (how, in its header and in `bench/search/engines.mjs`).', '');
  L.push('How it is measured: each query runs in a fresh browser context (empty cache). Ours: the built '
    + 'search page `/{lang}/search/?q=…`, its `.search-result` links in order. Pagefind: a page that imports '
    + '`/pagefind/pagefind.js` of an index of the same prerendered HTML (one index per `<html lang>`), its top 10 '
    + 'results with the sub-results its Default UI shows. A result is a hit when a link lands on an expected '
    + 'route (a `#fragment` counts only if the page has an element of that id; an FAQ answer may also be reached '
    + 'by its topic heading). hit@10: share of queries with a hit in the top 10; MRR@10: mean of 1/rank.', '');
  if (run.missingExpected?.length) {
    L.push(`Expected anchors that no page of this build has (no engine can land there): ${run.missingExpected.length} `
      + `of the expected routes, e.g. ${run.missingExpected.slice(0, 4).map((r) => `\`${r}\``).join(', ')}.`, '');
  }
  for (const [title, fmt, key] of [['hit@10', null, 'hit'], ['MRR@10', dec, 'mrr']]) {
    L.push(`## ${title} (${names})`, '');
    L.push(`| kind | ${LANGS.join(' | ')} | all |`, `|---|${LANGS.map(() => '---').join('|')}|---|`);
    for (const kind of [...Object.keys(KINDS), 'all']) {
      const cells = [...LANGS, 'all'].map((lang) => {
        const c = engines.map((e) => s[e][`${kind}/${lang}`]);
        if (!c[0].n) return '';
        if (key === 'hit') {
          return c.map((x) => (lang === 'all' || kind === 'all' ? `${x.hits}/${x.n} ${pct(x.hit)}` : `${x.hits}/${x.n}`)).join(' · ');
        }
        return c.map((x) => fmt(x.mrr)).join(' · ');
      });
      L.push(`| ${kind === 'all' ? '**all**' : kind} | ${cells.join(' | ')} |`);
    }
    L.push('');
  }
  if (run.before) {
    const b = run.before;
    const now = s;
    const cell = (sc, e, kind, key) => {
      const x = sc[e]?.[`${kind}/all`];
      if (!x?.n) return '–';
      return key === 'hit' ? pct(x.hit) : dec(x.mrr);
    };
    L.push(`## Since ${b.commit} (${b.date.slice(0, 16).replace('T', ' ')} UTC), all languages`, '');
    L.push('| kind | ours hit@10 then → now | ours MRR@10 then → now | Pagefind hit@10 then → now |', '|---|---|---|---|');
    for (const kind of [...Object.keys(KINDS), 'all']) {
      L.push(`| ${kind === 'all' ? '**all**' : kind} | ${cell(b.scores, 'ours', kind, 'hit')} → ${cell(now, 'ours', kind, 'hit')} | `
        + `${cell(b.scores, 'ours', kind, 'mrr')} → ${cell(now, 'ours', kind, 'mrr')} | `
        + `${cell(b.scores, 'pagefind', kind, 'hit')} → ${cell(now, 'pagefind', kind, 'hit')} |`);
    }
    L.push('');
  }
  L.push('Kinds: ' + Object.entries(KINDS).map(([k, d]) => `${k}: ${d}`).join('; ') + '.', '');

  L.push('## Bytes fetched per query (empty cache, as sent: brotli where smaller)', '');
  L.push('| engine | search index, median | p90 | all data, median | p90 | with engine code, median | p90 | requests, median | results after (desktop, median) |');
  L.push('|---|---|---|---|---|---|---|---|---|');
  for (const e of engines) {
    const b = bytesSummary(run.results, e);
    L.push(`| ${ENGINES[e]} | ${kb(b.indexMedian)} | ${kb(b.indexP90)} | ${kb(b.dataMedian)} | ${kb(b.dataP90)} | ${kb(b.allMedian)} | ${kb(b.allP90)} | ${b.requestsMedian ?? '–'} | ${b.msMedian === null ? '–' : `${Math.round(b.msMedian)} ms`}${b.timeouts ? ` (${b.timeouts} timed out)` : ''} |`);
  }
  L.push('', 'Ours: the files under `/api/v1/{lang}/search/` (search index) and any other file the page fetched only because '
    + 'of the query (all data: also e.g. articles fetched ahead of a click; engine code: `.js`/`.wasm` of that kind; the '
    + 'app itself, which every page loads, is not counted). '
    + 'Pagefind: every file under `/pagefind/` (engine code: `pagefind.js` and its wasm). "Results after": from the '
    + 'navigation to the results in the DOM, unthrottled, on this machine.', '');

  L.push('## Index size (all five languages)', '');
  L.push('| engine | index files | raw | brotli | engine code raw | brotli |', '|---|---|---|---|---|---|');
  for (const e of engines) {
    const z = run.indexSize?.[e];
    if (!z) continue;
    L.push(`| ${ENGINES[e]} | ${z.data.files} | ${kb(z.data.raw)} | ${kb(z.data.brotli)} | ${z.code.files ? kb(z.code.raw) : '(in the app)'} | ${z.code.files ? kb(z.code.brotli) : ''} |`);
  }
  const perLang = engines.filter((e) => run.indexSize?.[e]?.byLang);
  if (perLang.length) {
    L.push('', `Per language, brotli (${perLang.map((e) => ENGINES[e]).join(' · ')}): `
      + LANGS.map((l) => `${l} ${perLang.map((e) => kb(run.indexSize[e].byLang[l]?.brotli ?? 0)).join(' · ')}`).join('; ') + '.');
  }
  L.push('');

  for (const e of engines) {
    const misses = run.results.filter((r) => r[e] && r[e].rank === null);
    const low = run.results.filter((r) => r[e] && r[e].rank !== null && r[e].rank > 3);
    L.push(`## Misses of ${ENGINES[e]} (${misses.length}), and hits below rank 3 (${low.length})`, '');
    if (!misses.length && !low.length) { L.push('None.', ''); continue; }
    L.push('| lang | kind | query | rank | first results |', '|---|---|---|---|---|');
    for (const r of [...misses, ...low]) {
      const first = (r[e].top ?? []).slice(0, 3).map((x) => `\`${x}\``).join(' ') || '(no result)';
      L.push(`| ${r.lang} | ${r.kind} | ${r.query.replace(/\|/g, '\\|')} | ${r[e].rank ?? '–'} | ${first} |`);
    }
    L.push('');
  }
  return `${L.join('\n')}\n`;
}
