// Shared set-up of the end-to-end tests: the test build (dist-test/, from scripts/test) served
// like a static host with SPA fallback, and Debian's Chromium driven by playwright-core.
import { chromium } from 'playwright-core';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { start } from '../../scripts/static-server.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

// The test site; `PORTAL_E2E_DIST=dist-mine` points the tests at another build of it (and
// `PORTAL_E2E_DIST_PORTAL` at another sub-path build).
export const DIST = process.env.PORTAL_E2E_DIST ?? 'dist-test';
export const DIST_PORTAL = process.env.PORTAL_E2E_DIST_PORTAL ?? 'dist-test-portal';

/**
 * Starts a server for `dir` under `base` and a browser; both stop after the file's tests.
 * `spa: true` serves the SPA shell for every route, so the app renders (and fetches) itself.
 */
export function useSite({ dir = DIST, base = '/', spa = false } = {}) {
  const site = { browser: null, origin: null };
  let server;
  before(async () => {
    server = await start(dir, 0, base, { spa });
    site.origin = `http://127.0.0.1:${server.address().port}`;
    site.url = (path) => `${site.origin}${base.replace(/\/$/, '')}${path}`;
    site.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/**
 * A fresh page that records console errors and uncaught exceptions; `done()` asserts there
 * were none (apart from `allowed` patterns, for tests that break the API on purpose).
 */
export async function openPage(site, { width = 1280, allowed = [], serviceWorkers = 'block' } = {}) {
  // The service worker is blocked unless a test is about it: requests it answers would bypass
  // the tests' request interception.
  const context = await site.browser.newContext({ viewport: { width, height: 900 }, serviceWorkers });
  // A Content-Security-Policy violation is an error of the page like any other.
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) =>
    console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !allowed.some((re) => re.test(m.text()))) problems.push(m.text());
  });
  page.on('pageerror', (e) => {
    if (!allowed.some((re) => re.test(e.message))) problems.push(`uncaught: ${e.message}`);
  });
  // A prerendered page is there before the app that makes it work: a test acts on it once the
  // app has started, unless it is about the moments before (`{ beforeApp: true }`).
  for (const name of ['goto', 'reload']) {
    const load = page[name].bind(page);
    page[name] = async (...args) => {
      const at = name === 'goto' ? 1 : 0;
      const { beforeApp = false, ...options } = args[at] ?? {};
      args[at] = options;
      const response = await load(...args);
      if (!beforeApp) await started(page);
      return response;
    };
  }
  page.done = async () => {
    await context.close();
    assert.deepEqual(problems, [], 'console errors');
  };
  return page;
}

/** Resolves once the app has rendered or hydrated the page (`<html data-app>`, src/lib.rs): a
 * page split off into a wasm chunk hydrates after trunk's loader has reported the start. */
export function started(page) {
  return page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 20000 });
}

/** Resolves once a client-side navigation has shown the page whose `h1` reads `text`: the old
 * page stays until the new one is there, and a page in a chunk of its own takes a moment. */
export function arrived(page, text) {
  return page.waitForFunction((t) => document.querySelector('h1')?.textContent.trim() === t, text, { timeout: 10000 });
}

/** The text of the page's one `h1`, once the app has rendered or hydrated the page. */
export async function h1(page) {
  await started(page);
  const heading = page.locator('h1');
  await heading.first().waitFor();
  assert.equal(await heading.count(), 1, 'exactly one h1');
  return (await heading.textContent()).trim();
}
