// Offline reading through the service worker (public/sw.js): what the reader has opened stays
// readable without a network, and the app says that it is offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();

test('opened pages and data stay readable offline, with an offline notice', async () => {
  const page = await openPage(site, { serviceWorkers: 'allow' });
  // The worker registers once the app has taken over the page, not while it hydrates.
  await page.addInitScript(() => {
    const register = navigator.serviceWorker.register.bind(navigator.serviceWorker);
    navigator.serviceWorker.register = (...args) => {
      window.__registeredAfterApp = document.documentElement.hasAttribute('data-app');
      return register(...args);
    };
  });
  await page.goto(site.url('/en/news/1'));
  await h1(page);
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.__registeredAfterApp), true);
  // Opened once more under the worker: the page is saved; the FAQ, opened in the app, saves its data.
  await page.reload();
  assert.match(await h1(page), /Uzbekistan–Kazakhstan/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'FAQ' }).click();
  // The FAQ's code is a chunk of its own: the article stays until it has arrived.
  await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
  await page.locator('details.faq__item').first().waitFor();

  await page.context().setOffline(true);
  const notice = page.getByRole('status').filter({ hasText: 'You are offline' });
  await notice.waitFor();
  await page.goto(site.url('/en/news/1'));
  assert.match(await h1(page), /Uzbekistan–Kazakhstan/);
  assert.ok(await page.locator('article p').count() > 3, 'the article text is there');
  // Never opened as a page, but its data was saved: the app shell renders it.
  await page.goto(site.url('/en/faq'));
  assert.equal(await h1(page), 'Frequently asked questions');
  await page.locator('details.faq__item').first().waitFor();
  await notice.waitFor();

  await page.context().setOffline(false);
  await notice.waitFor({ state: 'detached' });
  await page.done();
});

test('the worker is versioned by the build and lists the hashed app files and chunks', async () => {
  const response = await fetch(site.url('/sw.js'));
  const sw = await response.text();
  const version = sw.match(/const VERSION = '([0-9a-f]{12})';/);
  assert.ok(version, 'a build version, not "dev"');
  const files = JSON.parse(sw.match(/const APP_FILES = (\[.*\]);/)[1]);
  assert.ok(files.some((f) => /_bg\.wasm$/.test(f)) && files.some((f) => /\.js$/.test(f)), files.join());
  const chunks = JSON.parse(sw.match(/const CHUNK_FILES = (\[.*\]);/)[1]);
  assert.ok(chunks.some((f) => /^faq_chunk-[0-9a-f]{16}\.wasm$/.test(f)), `the FAQ's chunk: ${chunks.join()}`);
  assert.ok(!files.some((f) => chunks.includes(f)), 'no chunk downloaded at install');
  for (const file of [...files, ...chunks]) assert.equal((await fetch(site.url(`/${file}`))).status, 200, file);
});
