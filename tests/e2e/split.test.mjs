// Rarely read pages in wasm chunks of their own (src/pages/mod.rs, scripts/split.mjs): the
// home page, the feed and articles do not fetch them; a navigation to one waits for its chunk
// visibly, then puts focus and the screen reader on the new page; a chunk that cannot be
// fetched is an error with "Try again", not a stopped app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();
const CHUNK = /\/(faq|helplines|agencies|static_page|search)_chunk-[0-9a-f]{16}\.wasm$/;
const SHARED = /\/chunk_\d+-[0-9a-f]{16}\.wasm$/;

test('home, feed and article fetch no page chunk; each rarely read page fetches its own', async () => {
  const page = await openPage(site);
  const chunks = [];
  page.on('request', (r) => { if (CHUNK.test(r.url()) || SHARED.test(r.url())) chunks.push(r.url()); });
  for (const path of ['/en', '/en/news', '/en/news/1']) {
    await page.goto(site.url(path));
    await h1(page);
  }
  assert.deepEqual(chunks, [], 'chunks fetched by the main pages');
  for (const [path, chunk] of [['/en/faq', 'faq'], ['/en/helplines', 'helplines'], ['/en/agencies', 'agencies'],
    ['/en/pages/open-government', 'static_page'], ['/en/search?q=tashkent', 'search']]) {
    chunks.length = 0;
    await page.goto(site.url(path));
    await h1(page);
    const own = chunks.filter((u) => CHUNK.test(u)).map((u) => u.match(CHUNK)[1]);
    assert.deepEqual(own, [chunk], `${path}: ${chunks.join()}`);
  }
  await page.done();
});

test('a prerendered rarely read page has its chunks fetched with the app, not after it, once each', async () => {
  const page = await openPage(site);
  const requested = [];
  page.on('request', (r) => { if (CHUNK.test(r.url()) || SHARED.test(r.url())) requested.push(new URL(r.url()).pathname); });
  // The app's wasm is held until its chunks have been asked for: they do not wait for it.
  let early = false;
  await page.route('**/*_bg.wasm', async (route) => {
    const deadline = Date.now() + 5000;
    while (!requested.some((p) => /faq_chunk/.test(p)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    early = requested.some((p) => /faq_chunk/.test(p));
    await route.continue();
  });
  await page.goto(site.url('/en/faq'));
  await h1(page);
  const named = (await page.locator('meta[name="portal-chunks"]').getAttribute('content')).split(' ');
  assert.ok(named.some((f) => /\/faq_chunk-/.test(f)) && named.length > 1, named.join());
  assert.ok(early, 'the chunk was asked for while the app was still on its way');
  assert.deepEqual([...requested].sort(), [...named].sort(), 'each named file fetched once, and nothing else');
  await page.done();
});

test('a navigation waits for the chunk with a busy main region, then focuses and announces the page', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'));
  await h1(page);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(CHUNK, async (route) => { await held; await route.continue(); });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const marked = () => nav.locator('a[aria-current="page"]').allTextContents();
  await nav.getByRole('link', { name: 'FAQ' }).click();
  await page.locator('main[aria-busy="true"]').waitFor();
  assert.match(await page.locator('h1').textContent(), /Uzbekistan–Kazakhstan/, 'the article stays meanwhile');
  assert.deepEqual(await marked(), ['News'], 'the navigation marks the page on screen');
  const bar = await page.evaluate(() => getComputedStyle(document.querySelector('main'), '::before').height);
  assert.equal(bar, '4px', 'the progress bar');
  release();
  await page.getByRole('heading', { level: 1, name: 'Frequently asked questions' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Frequently asked questions');
  assert.equal(await page.locator('main').getAttribute('aria-busy'), null);
  assert.deepEqual(await marked(), ['FAQ']);
  await page.waitForFunction(() => /Frequently asked questions/.test(document.querySelector('[aria-live="polite"]').textContent));
  await page.done();
});

test('a new query of the same page moves focus to its heading at once (the router does not route it)', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/search?q=school'));
  await h1(page);
  const box = page.getByRole('main').getByRole('searchbox').first();
  await box.fill('Kazakhstan');
  await box.press('Enter');
  await page.waitForURL(/\/en\/search\/\?q=Kazakhstan$/);
  await arrived(page, 'Search results for “Kazakhstan”');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.waitForFunction(() => /Kazakhstan/.test(document.querySelector('[aria-live="polite"]').textContent));
  await page.done();
});

test('a chunk that cannot be fetched: the network error, and "Try again" loads the page', async () => {
  const page = await openPage(site, { allowed: [/Failed to fetch|net::ERR_FAILED|TypeError/] });
  await page.goto(site.url('/en/news/1'));
  await h1(page);
  await page.route(CHUNK, (route) => route.abort());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Helplines' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /connection/i);
  // The title (which the navigation announces) says so too, not the article's.
  await page.waitForFunction(() => document.title.startsWith('Sorry, this content could not be loaded'));
  await page.unroute(CHUNK);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: /helpline/i }).waitFor();
  assert.ok(await page.locator('.helpline').count() > 5, 'the directory is there');
  await page.done();
});
