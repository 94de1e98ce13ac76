// Search results on a slow phone (issue #23: "results appear on a 400 kbit/s, 400 ms RTT, 4x CPU
// phone with an empty cache within 3 s of navigation"): a navigation to `/{lang}/search/?q=…`
// in a fresh context (empty cache, service worker blocked, phone viewport) with Chromium's
// network emulation (400 kbit/s down and up, 400 ms round trip) and 4x CPU slowdown, timed from
// the navigation's start to the first `.search-result` painted on screen (a frame after it is
// visible). Median of `runs` loads per query.
import { MOBILE } from './sizes.mjs';
import { median } from './stats.mjs';

export const SLOW_PHONE = { kbitPerSecond: 400, rttMs: 400, cpuSlowdown: 4 };
export const SLOW_SEARCHES = [
  { lang: 'en', query: 'Kazakhstan' },
  { lang: 'ru', query: 'пенсия' },
  { lang: 'oz', query: 'soliq' },
];

// Installed before the page's scripts: the time of the first frame with a result on screen.
const WATCH = () => {
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
  };
  const check = () => {
    if (window.__firstResult) return;
    const el = document.querySelector('.search-result');
    if (el && visible(el)) requestAnimationFrame(() => { window.__firstResult ??= performance.now(); });
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
};

async function once(browser, url, timeoutMs) {
  const context = await browser.newContext({ ...MOBILE, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    const cdp = await context.newCDPSession(page);
    const bytesPerSecond = (SLOW_PHONE.kbitPerSecond * 1000) / 8;
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: SLOW_PHONE.rttMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
      const shown = await page.waitForFunction(() => window.__firstResult, null, { timeout: timeoutMs, polling: 100 });
      return await shown.jsonValue();
    } catch (e) {
      // Timed out, or the page crashed: no result on screen.
      console.error(`  slow phone, ${url}: ${e.message.split('\n')[0]}`);
      return null;
    }
  } finally {
    await context.close();
  }
}

/** Median time to the first result on screen for each of `searches`; null when none showed. */
export async function slowPhoneSearch(browser, origin, { runs = 3, searches = SLOW_SEARCHES, timeoutMs = 40000, log = console.log } = {}) {
  const out = [];
  for (const { lang, query } of searches) {
    const url = `${origin}/${lang}/search/?q=${encodeURIComponent(query)}`;
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await once(browser, url, timeoutMs));
    const ok = times.filter((t) => t !== null);
    const r = { lang, query, ms: ok.length ? Math.round(median(ok)) : null, runs, timeouts: runs - ok.length };
    log(`  slow phone, /${lang}/search/?q=${query}: ${r.ms === null ? 'no result on screen' : `${r.ms} ms`}${r.timeouts ? ` (${r.timeouts} of ${runs} timed out)` : ''}`);
    out.push(r);
  }
  return { ...SLOW_PHONE, results: out };
}
