// The benchmark's results as a short Markdown report (bench/results.md).

const kb = (n) => (n === null || n === undefined ? '—' : `${(n / 1024).toFixed(1)} KB`);
const ms = (n) => (n === null || n === undefined ? '—' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`);
const ratio = (a, b) => (a === null || b === null || b === 0 || a === undefined || b === undefined ? '' : ` ×${(a / b).toFixed(1)}`);
const mib = (n) => (n === null || n === undefined ? '—' : `${(n / 1048576).toFixed(2)} MiB`);
const signed = (n, f) => (n === null || n === undefined ? '—' : `${n >= 0 ? '+' : '−'}${f(Math.abs(n))}`);

function lighthouseTable(lh) {
  const cols = ['home', 'feed', 'article', 'plain'].filter((c) => lh[c]);
  const plain = lh.plain?.median;
  const rows = [
    ['Performance', 'performance', (v) => String(v)],
    ['Accessibility', 'accessibility', (v) => String(v)],
    ['Best practices', 'best-practices', (v) => String(v)],
    ['SEO', 'seo', (v) => String(v)],
    ['First Contentful Paint', 'fcp', ms],
    ['Largest Contentful Paint', 'lcp', ms],
    ['Total Blocking Time', 'tbt', ms],
    ['Cumulative Layout Shift', 'cls', (v) => (v === null ? '—' : v.toFixed(3))],
    ['Speed Index', 'si', ms],
    ['Total bytes', 'bytes', kb],
    ['Requests', 'requests', (v) => String(v)],
  ];
  const head = `| Lighthouse, mobile (median of ${lh.home?.runs.length ?? '?'}) | ${cols.map((c) => (c === 'plain' ? 'plain HTML article' : `${c} (×plain)`)).join(' | ')} |`;
  const lines = [head, `|---|${cols.map(() => '--:').join('|')}|`];
  for (const [label, key, f] of rows) {
    const cells = cols.map((c) => {
      const v = lh[c].median[key];
      return c === 'plain' || !plain ? f(v) : `${f(v)}${ratio(v, plain[key])}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push('', `Each run (performance / LCP / TBT): ${cols.map((c) => `${c} ${lh[c].runs
    .map((x) => `${x.performance} / ${ms(x.lcp)} / ${ms(x.tbt)}`).join(', ')}`).join('; ')}.`);
  return lines.join('\n');
}

function sizesTable(sizes, budget) {
  const pages = ['home', 'feed', 'article'].filter((p) => sizes[p]);
  const lines = ['| First load, per file | raw | gzip -9 | brotli 11 |', '|---|--:|--:|--:|'];
  const shared = new Map();
  const worker = new Map();
  for (const p of pages) {
    for (const f of sizes[p].files) {
      if (f.serviceWorker) worker.set(f.path, f);
      else if (f.kind === 'html') lines.push(`| ${p}: HTML \`${f.path}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
      else if (!shared.has(f.path)) shared.set(f.path, f);
    }
  }
  for (const f of [...shared.values()].sort((a, b) => b.raw - a.raw)) {
    lines.push(`| ${f.kind}: \`${f.path.replace(/^\//, '')}\` | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  }
  for (const f of [...worker.values()].sort((a, b) => b.raw - a.raw)) {
    lines.push(`| service worker: \`${f.path.replace(/^\//, '')}\` (after load) | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);
  }
  const json = pages.flatMap((p) => sizes[p].files.filter((f) => f.kind === 'json'));
  if (json.length === 0) lines.push('| first JSON (API) | none: the data comes in the HTML | | |');
  for (const p of pages) {
    const t = sizes[p].totals.all;
    const w = sizes[p].totals.serviceWorker;
    lines.push(`| **${p} total** (${t.count} requests${w ? `; then ${w.count} by the service worker, ${kb(w.brotli)} brotli` : ''}) | ${kb(t.raw)} | ${kb(t.gzip)} | **${kb(t.brotli)}** |`);
  }
  if (sizes.plain) {
    const t = sizes.plain.totals.all;
    lines.push(`| plain HTML article total (${t.count} request) | ${kb(t.raw)} | ${kb(t.gzip)} | ${kb(t.brotli)} |`);
  }
  if (budget) {
    const inline = sizes.home?.inlineCssBrotli ? ` (the CSS, ${kb(sizes.home.inlineCssBrotli)}, is inside the HTML)` : '';
    lines.push(`| **wasm + JS + CSS, brotli**${inline} vs budget 140 KB | | | **${kb(budget.wasmJsCssBrotli)}** (${budget.ok ? 'within' : `${kb(budget.over)} over`}) |`);
  }
  return lines.join('\n');
}

function navigationTable(nav, mem) {
  const lines = [];
  if (nav) {
    lines.push('| Client-side navigation (desktop, no throttling) | median | p90 | n |', '|---|--:|--:|--:|');
    lines.push(`| home → feed (first visit) | ${ms(nav.homeToFeedMs)} | | 1 |`);
    lines.push(`| feed → article, uncached (first visit of each) | ${ms(nav.uncached.median)} | ${ms(nav.uncached.p90)} | ${nav.uncached.n} |`);
    lines.push(`| article ⇄ feed, cached (both visited) | ${ms(nav.cached.median)} | ${ms(nav.cached.p90)} | ${nav.cached.n} |`);
  }
  if (mem) {
    const a = mem.after[10];
    const b = mem.after[mem.growth.to];
    if (lines.length) lines.push('');
    lines.push(`| Memory after a forced GC | after 10 navigations | after ${mem.growth.to} | growth |`, '|---|--:|--:|--:|');
    lines.push(`| JS heap used | ${mib(a.jsHeapUsed)} | ${mib(b.jsHeapUsed)} | ${signed(mem.growth.jsHeapUsed, kb)} |`);
    lines.push(`| wasm linear memory | ${mib(a.wasmMemory)} | ${mib(b.wasmMemory)} | ${signed(mem.growth.wasmMemory, kb)} |`);
    lines.push(`| DOM nodes | ${a.domNodes} | ${b.domNodes} | ${signed(mem.growth.domNodes, String)} |`);
    lines.push(`| JS event listeners | ${a.listeners} | ${b.listeners} | ${signed(mem.growth.listeners, String)} |`);
    const steps = Object.keys(mem.after).map(Number).sort((x, y) => x - y);
    lines.push('', `Wasm memory / JS heap after ${steps.join(', ')} navigations: ` +
      `${steps.map((n) => mib(mem.after[n].wasmMemory)).join(', ')} / ${steps.map((n) => mib(mem.after[n].jsHeapUsed)).join(', ')}.`);
  }
  return lines.join('\n');
}

function startupTable(st) {
  const lines = [`| App start-up, ${st.throttle}x CPU slowdown (median of ${Object.values(st.pages)[0]?.runs}) | first load | reload (wasm and its compiled code cached) |`, '|---|--:|--:|'];
  for (const [page, r] of Object.entries(st.pages)) {
    const cell = (x) => `${ms(x.startMs)} (${ms(x.longestTaskMs)}; ${ms(x.blockingMs)})`;
    lines.push(`| ${page}: wasm downloaded → page hydrated (longest task; blocking time) | ${cell(r.cold)} | ${cell(r.warm)} |`);
  }
  return lines.join('\n');
}

function slowSearchTable(ss) {
  const lines = [`| Search results on a slow phone (${ss.kbitPerSecond} kbit/s, ${ss.rttMs} ms RTT, ${ss.cpuSlowdown}x CPU, empty cache; median of ${ss.results[0]?.runs}) | navigation → first result on screen |`, '|---|--:|'];
  for (const r of ss.results) {
    lines.push(`| \`/${r.lang}/search/?q=${r.query}\` | ${r.ms === null ? 'no result' : ms(r.ms)}${r.timeouts ? ` (${r.timeouts} timed out)` : ''} |`);
  }
  return lines.join('\n');
}

function failingAudits(lh) {
  const lines = [];
  for (const [page, r] of Object.entries(lh)) {
    for (const [cat, audits] of Object.entries(r.failing)) {
      const weighted = audits.filter((a) => a.weight > 0).map((a) => `${a.id}${a.value ? ` (${a.value})` : ''}`);
      const other = audits.filter((a) => !a.weight).map((a) => a.id);
      lines.push(`- ${page}, ${cat}: ${weighted.join(', ') || '—'}${other.length ? `; unweighted: ${other.join(', ')}` : ''}`);
    }
  }
  return lines.length ? lines.join('\n') : '- none';
}

export function markdown(r) {
  const out = [`# Benchmark ${r.date.slice(0, 10)} (commit ${r.commit}${r.worktreeDirty ? ', with uncommitted changes' : ''})`, ''];
  out.push(`Chromium ${r.chromium ?? '?'}, Lighthouse ${r.lighthouse?.home?.lighthouseVersion ?? '—'}, ` +
    `${r.machine.cpus} CPUs (load ${r.machine.loadavgAtStart[0]} at start, shared), Node ${r.machine.node}; ` +
    `served by bench/server.mjs (precompressed brotli, cache headers). Whole run ${Math.round(r.seconds)} s` +
    `${r.build.seconds ? `, build ${r.build.seconds} s` : ''}; precompression of ${r.precompress.files} files ${r.precompress.seconds} s (${r.precompress.cachedSeconds} s from its cache).`, '');
  if (r.lighthouse) out.push(lighthouseTable(r.lighthouse), '');
  if (r.sizes) out.push(sizesTable(r.sizes, r.budget), '');
  if (r.navigation || r.memory) out.push(navigationTable(r.navigation, r.memory), '');
  if (r.startup) out.push(startupTable(r.startup), '');
  if (r.slowSearch) out.push(slowSearchTable(r.slowSearch), '');
  if (r.lighthouse) out.push('Lighthouse audits that cost points (run with the median performance score):', '', failingAudits(r.lighthouse), '');
  if (r.sizes) {
    out.push('Loading, from the browser itself (phone viewport, unthrottled; Lighthouse 12.2.3 cannot read ' +
      'Chromium 156 traces for its LCP-element and render-blocking audits):', '');
    for (const [page, s] of Object.entries(r.sizes)) {
      out.push(`- ${page}: LCP element ${s.lcpElement ?? '—'}; render-blocking: ${s.renderBlocking.join(', ') || 'none'}`);
    }
    out.push('');
  }
  return out.join('\n');
}
