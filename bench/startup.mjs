// The app's start-up on the main thread, on a phone-like CPU (Chromium's 4x CPU slowdown, as
// Lighthouse's mobile preset): from the end of the wasm download to the page fully hydrated
// (`<html data-app>`: compilation, instantiation and every hydration task), the longest task in
// that span and its blocking time (the sum over its tasks of their time beyond 50 ms, as Total
// Blocking Time counts it). Each page is loaded cold
// (new context), then reloaded in the same context: the second load has the wasm in the HTTP
// cache and, once V8 has cached its compiled code, skips the compilation. On a cold load V8
// compiles each wasm function on the main thread when it is first called (lazy compilation),
// which is most of the long task that Lighthouse counts as Total Blocking Time.
import { median } from './stats.mjs';

const THROTTLE = 4;

// Installed before the page's scripts: records long tasks and when the page is fully hydrated.
const RECORDER = () => {
  window.__startup = { tasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__startup.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, o) => {
    if (!document.documentElement.hasAttribute('data-app')) return;
    window.__startup.started = performance.now();
    o.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-app'] });
};

async function measure(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__startup?.started, null, { timeout: 30000 });
  // Long tasks are reported after they end; one more task lets the observer catch up.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'));
    const from = wasm.responseEnd;
    const to = window.__startup.started;
    const tasks = window.__startup.tasks.filter(([start, d]) => start + d >= from && start <= to);
    return {
      startMs: to - from,
      longestTaskMs: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
      blockingMs: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      fromCache: wasm.transferSize === 0,
    };
  });
}

/**
 * Cold load and reload of each of `pages` ({name: url}), `runs` times; medians per page:
 * `{ cold: {startMs, longestTaskMs}, warm: {…} }`.
 */
export async function startupTimes(browser, pages, { runs = 5, log = console.log } = {}) {
  const out = {};
  for (const [name, url] of Object.entries(pages)) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 412, height: 823 } });
      try {
        const page = await context.newPage();
        await page.addInitScript(RECORDER);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
        cold.push(await measure(page, url));
        // V8 writes the code cache a moment after start-up (or once enough code is optimised).
        await page.waitForTimeout(2500);
        warm.push(await measure(page, url));
      } finally {
        await context.close();
      }
    }
    const mid = (xs, k) => Math.round(median(xs.map((x) => x[k])));
    out[name] = {
      cold: { startMs: mid(cold, 'startMs'), longestTaskMs: mid(cold, 'longestTaskMs'), blockingMs: mid(cold, 'blockingMs') },
      warm: {
        startMs: mid(warm, 'startMs'), longestTaskMs: mid(warm, 'longestTaskMs'), blockingMs: mid(warm, 'blockingMs'),
        fromCache: warm.every((w) => w.fromCache),
      },
      runs,
    };
    const { cold: c, warm: w } = out[name];
    log(`  start-up ${name}: cold ${c.startMs} ms (longest task ${c.longestTaskMs} ms, blocking ${c.blockingMs} ms), ` +
      `reload ${w.startMs} ms (longest task ${w.longestTaskMs} ms, blocking ${w.blockingMs} ms)`);
  }
  return { throttle: THROTTLE, pages: out };
}
