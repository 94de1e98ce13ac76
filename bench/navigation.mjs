// Client-side navigation time and memory, with playwright-core driving Debian's Chromium
// (desktop viewport, no throttling: the machine's own speed).
// A navigation is timed from the click event (its timeStamp) to the frame after the new page's
// h1 shows the expected text with nothing under main still busy: requestAnimationFrame after
// the change, then one task (the frame has been painted by then).
import { median, percentile } from './stats.mjs';

const ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--js-flags=--expose-gc'];
export const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ARGS };

// Installed before the app: keeps the wasm instance (trunk dispatches TrunkApplicationStarted
// with its exports) and offers `arm(expected)`, which resolves with the time to the painted h1.
const PAGE_HELPERS = () => {
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  const done = (expected) => {
    const h1 = document.querySelectorAll('h1');
    return h1.length === 1 && h1[0].textContent.trim() === expected
      && !document.querySelector('main [aria-busy="true"]');
  };
  window.__bench = {
    /** Arms a measurement: from the next click (or now, with `fromNow`) to the painted h1. */
    arm(expected, fromNow = false) {
      let t0 = fromNow ? performance.now() : null;
      if (!fromNow) addEventListener('click', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
      this.result = new Promise((resolve) => {
        let finished = false;
        const finish = () => {
          if (finished) return;
          finished = true;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve({ ms: performance.now() - t0 });
            channel.port2.postMessage(0);
          });
        };
        const observer = new MutationObserver(() => { if (t0 !== null && done(expected)) finish(); });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve({ ms: null, timeout: true, h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()) });
        }, 15000);
      });
    },
  };
};

const summary = (xs) => {
  const ok = xs.filter((x) => x !== null);
  return {
    n: ok.length, timeouts: xs.length - ok.length,
    median: round(median(ok)), p90: round(percentile(ok, 90)), min: round(Math.min(...ok)), max: round(Math.max(...ok)),
  };
};
const round = (x) => (x === null || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);

async function openSite(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(PAGE_HELPERS);
  page.errors = errors;
  return { context, page };
}

/** Clicks `link` and returns the time until `expected` is the painted h1 (null on timeout). */
async function timedClick(page, link, expected) {
  await page.evaluate((e) => window.__bench.arm(e), expected);
  await link.click();
  const r = await page.evaluate(() => window.__bench.result);
  return r.ms;
}

/** history.back() timed from the call (a popstate navigation). */
async function timedBack(page, expected) {
  await page.evaluate((e) => { window.__bench.arm(e, true); history.back(); }, expected);
  return (await page.evaluate(() => window.__bench.result)).ms;
}

const mainNews = (page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'News', exact: true });
/** The article links of a feed page: the links of the h2 headings under main. */
const articleLinks = (page) => page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
const waitIdle = (page) => page.waitForFunction(() => !document.querySelector('main [aria-busy="true"]'));

/**
 * Navigation times: home → feed once; `count` uncached feed → article clicks (each article
 * visited for the first time, going back to the feed and on through its pages, then the
 * feeds of other languages); `count` cached navigations back and forth between a visited
 * article and the feed (article link in main / "News" in the main navigation).
 */
export async function navigationTimes(browser, origin, { count = 50, log = console.log } = {}) {
  const { context, page } = await openSite(browser, origin);
  try {
    await page.goto(`${origin}/en/`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.__wasm);
    const homeToFeed = await timedClick(page, mainNews(page), 'News');
    await waitIdle(page);

    const uncached = [];
    const visited = new Set();
    const feeds = ['en', 'ru', 'oz', 'uz', 'qr'];
    for (const lang of feeds) {
      if (uncached.length >= count) break;
      if (lang !== 'en') {
        // Another language's feed (loaded, not timed).
        await page.goto(`${origin}/${lang}/news`, { waitUntil: 'networkidle' });
        await page.waitForFunction(() => window.__wasm);
      }
      for (;;) {
        const feedTitle = (await page.locator('h1').textContent()).trim();
        const links = articleLinks(page);
        const n = await links.count();
        for (let i = 0; i < n && uncached.length < count; i++) {
          const link = links.nth(i);
          const href = await link.getAttribute('href');
          if (visited.has(href)) continue;
          visited.add(href);
          const title = (await link.textContent()).trim();
          uncached.push(await timedClick(page, link, title));
          await timedBack(page, feedTitle);
          await waitIdle(page);
        }
        if (uncached.length >= count) break;
        const next = page.getByRole('main').locator('a[rel="next"]');
        if ((await next.count()) === 0) break;
        await timedClick(page, next, feedTitle);
        await waitIdle(page);
      }
    }
    log(`  navigation: ${uncached.length} uncached feed → article`);

    // Cached: the English feed (page 1) and its first article, both visited above.
    await page.goto(`${origin}/en/news`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.__wasm);
    const first = articleLinks(page).first();
    const title = (await first.textContent()).trim();
    await timedClick(page, first, title);
    await timedClick(page, mainNews(page), 'News');
    await waitIdle(page);
    const cached = { toArticle: [], toFeed: [] };
    while (cached.toArticle.length + cached.toFeed.length < count) {
      cached.toArticle.push(await timedClick(page, articleLinks(page).first(), title));
      cached.toFeed.push(await timedClick(page, mainNews(page), 'News'));
      await waitIdle(page);
    }
    log(`  navigation: ${count} cached (article ⇄ feed)`);
    return {
      homeToFeedMs: round(homeToFeed),
      uncached: summary(uncached),
      cached: summary([...cached.toArticle, ...cached.toFeed]),
      cachedToArticle: summary(cached.toArticle),
      cachedToFeed: summary(cached.toFeed),
      pageErrors: page.errors.slice(0, 10),
    };
  } finally {
    await context.close();
  }
}

/** JS heap (after a forced GC), DOM nodes, listeners and the wasm linear memory of the page. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
  return {
    jsHeapUsed: heap.usedSize,
    jsHeapTotal: heap.totalSize,
    jsHeapUsedMetric: m.JSHeapUsedSize,
    domNodes: m.Nodes,
    listeners: m.JSEventListeners,
    wasmMemory: wasmBytes,
  };
}

/**
 * Memory after 10 and after `total` client-side navigations (and at 50, 100, 150): feed → article → feed (via the
 * main navigation), round the articles of the first feed page.
 */
export async function memoryGrowth(browser, origin, { total = 200, log = console.log } = {}) {
  const { context, page } = await openSite(browser, origin);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}/en/news`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.__wasm);
    const samples = { 0: await memory(page, cdp) };
    // 10 and `total` are the figures; the others show whether growth is steady (a leak).
    const checkpoints = new Set([10, total, ...[50, 100, 150].filter((n) => n < total)]);
    let navs = 0;
    let i = 0;
    const times = [];
    while (navs < total) {
      const links = articleLinks(page);
      const n = await links.count();
      const link = links.nth(i++ % n);
      const title = (await link.textContent()).trim();
      times.push(await timedClick(page, link, title));
      navs += 1;
      if (checkpoints.has(navs)) samples[navs] = await memory(page, cdp);
      if (navs >= total) break;
      times.push(await timedClick(page, mainNews(page), 'News'));
      await waitIdle(page);
      navs += 1;
      if (checkpoints.has(navs)) samples[navs] = await memory(page, cdp);
    }
    log(`  memory: ${navs} navigations`);
    const growth = { from: 10, to: total };
    for (const k of Object.keys(samples[10])) {
      if (samples[10][k] !== null && samples[total]?.[k] != null) growth[k] = samples[total][k] - samples[10][k];
    }
    return { after: samples, growth, navigation: summary(times), pageErrors: page.errors.slice(0, 10) };
  } finally {
    await context.close();
  }
}
