// Lighthouse (12.2.3, node API), mobile preset: the default config (formFactor mobile, Moto G
// Power screen, simulated slow-4G throttling and 4x CPU slowdown), categories performance,
// accessibility, best practices and SEO. Median of N runs per page, per figure.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { median } from './stats.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

/** The figures of one Lighthouse result (lhr). */
function figures(lhr) {
  const out = {};
  for (const c of CATEGORIES) out[c] = Math.round((lhr.categories[c]?.score ?? NaN) * 100);
  for (const [k, id] of Object.entries(METRICS)) out[k] = lhr.audits[id]?.numericValue ?? null;
  const requests = lhr.audits['network-requests']?.details?.items ?? [];
  out.bytes = lhr.audits['total-byte-weight']?.numericValue ?? null;
  out.requests = requests.length;
  return out;
}

/** The audits that cost points: per non-100 category, ids with their score and display value. */
function failing(lhr) {
  const out = {};
  for (const c of CATEGORIES) {
    const cat = lhr.categories[c];
    if (!cat || cat.score === 1) continue;
    out[c] = cat.auditRefs
      .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1
        && !['notApplicable', 'informative', 'manual'].includes(audit.scoreDisplayMode))
      .map(({ ref, audit }) => ({
        id: ref.id,
        weight: ref.weight,
        score: audit.score,
        ...(audit.displayValue ? { value: audit.displayValue } : {}),
      }));
  }
  return out;
}

/** What the report says about the page's loading: LCP element, render-blocking resources… */
function diagnostics(lhr) {
  const a = lhr.audits;
  const lcpItems = a['largest-contentful-paint-element']?.details?.items ?? [];
  const lcpNode = lcpItems[0]?.items?.[0]?.node ?? lcpItems[0]?.node;
  const phases = (lcpItems[1]?.items ?? []).map((p) => `${p.phase} ${Math.round(p.timing)} ms`);
  return {
    lcpElement: lcpNode ? `${lcpNode.nodeLabel ?? ''} (${lcpNode.selector ?? ''})`.slice(0, 160) : null,
    lcpPhases: phases,
    renderBlocking: (a['render-blocking-resources']?.details?.items ?? [])
      .map((i) => `${i.url} (${Math.round(i.wastedMs ?? 0)} ms)`),
    mainThreadMs: Math.round(a['mainthread-work-breakdown']?.numericValue ?? 0),
    bootupMs: Math.round(a['bootup-time']?.numericValue ?? 0),
    criticalChain: a['critical-request-chains']?.displayValue ?? null,
  };
}

/**
 * Runs Lighthouse `runs` times on each of `pages` ({name: url}) in one headless Chromium;
 * returns per page the median figures, every run's figures, and the failing audits and
 * diagnostics of the run with the median performance score. Full reports go to `outDir`.
 */
export async function runLighthouse(pages, { runs = 3, outDir, log = console.log } = {}) {
  const chrome = await chromeLauncher.launch({
    chromePath: '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  const results = {};
  try {
    for (const [name, url] of Object.entries(pages)) {
      const all = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
        const lhr = result.lhr;
        if (lhr.runtimeError) log(`  lighthouse ${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        all.push({ lhr, figures: figures(lhr) });
        if (outDir) await writeFile(join(outDir, `lighthouse-${name}-${i + 1}.json`), result.report);
        log(`  lighthouse ${name} run ${i + 1}: perf ${all.at(-1).figures.performance}, ` +
          `LCP ${Math.round(all.at(-1).figures.lcp)} ms (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
      }
      const med = {};
      for (const k of Object.keys(all[0].figures)) med[k] = median(all.map((r) => r.figures[k]));
      const byPerf = [...all].sort((a, b) => a.figures.performance - b.figures.performance);
      const mid = byPerf[Math.floor(byPerf.length / 2)].lhr;
      results[name] = {
        url,
        median: med,
        runs: all.map((r) => r.figures),
        failing: failing(mid),
        diagnostics: diagnostics(mid),
        lighthouseVersion: mid.lighthouseVersion,
        userAgent: mid.environment?.hostUserAgent,
        benchmarkIndex: mid.environment?.benchmarkIndex,
      };
    }
  } finally {
    await chrome.kill();
  }
  return results;
}
