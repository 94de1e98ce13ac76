// Client-side navigation: from the home page to the seed article through the feed, and back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();
const SEED_TITLE = 'Uzbekistan–Kazakhstan: dedicated to the 25th anniversary of establishment of diplomatic relations';

/** Resolves once the feed shows the list of its page `n`: "Page n of …", no skeleton left. */
function feedPage(page, n) {
  return page.waitForFunction((n) => !document.querySelector('.skeleton')
    && /\bPage (\d+) of /.exec(document.querySelector('.feed__count')?.textContent ?? '')?.[1] === String(n), n);
}

test('home → feed → category → seed article → back, without reloading', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await h1(page);
  // A marker that a full page load would wipe out.
  await page.evaluate(() => { window.__noReload = true; });

  await page.getByRole('link', { name: 'All news' }).first().click();
  await page.waitForURL(/\/en\/news\/$/);
  assert.equal(await h1(page), 'News');

  await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Politics' }).click();
  await page.waitForURL(/category\/politics\/$/);
  assert.equal(await h1(page), 'Politics');
  assert.equal(
    await page.locator('.category-filter a[aria-current=page]').textContent(),
    'Politics',
  );

  // Walk the category's pages until the seed article shows; each page's list is looked at once
  // it is there (the heading comes before it).
  const seed = page.getByRole('link', { name: SEED_TITLE });
  await feedPage(page, 1);
  for (let n = 2; n <= 10 && !(await seed.count()); n++) {
    await page.getByRole('link', { name: 'Next' }).click();
    await feedPage(page, n);
  }
  await seed.click();
  await page.waitForURL(/\/en\/news\/1\/$/);
  assert.equal(await h1(page), SEED_TITLE);
  assert.equal(await page.evaluate(() => window.__noReload), true, 'navigation stayed in the app');

  await page.goBack();
  await page.waitForURL(/category\/politics\/$/);
  assert.equal(await h1(page), 'Politics');
  assert.ok(await seed.isVisible(), 'the feed page is back, from the cache');
  assert.equal(await page.evaluate(() => window.__noReload), true);
  await page.done();
});

test('pages shown and left do not make the app\'s memory grow', async () => {
  const page = await openPage(site);
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail?.wasm;
  }));
  await page.goto(site.url('/en/faq'));
  await h1(page);
  const main = page.getByRole('navigation', { name: 'Main' });
  const pages = [['Helplines', 'Helplines of ministries and agencies'], ['FAQ', 'Frequently asked questions']];
  const walk = async (count) => {
    for (let i = 0; i < count; i++) {
      const [link, title] = pages[i % 2];
      await main.getByRole('link', { name: link, exact: true }).click();
      await arrived(page, title);
    }
  };
  const wasmMemory = () => page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await walk(10);
  const before = await wasmMemory();
  await walk(60);
  const growth = (await wasmMemory()) - before;
  // With leptos 0.8 unpatched, each of these navigations kept about 26 KB for good.
  assert.ok(growth <= 192 * 1024, `60 navigations grew the wasm memory by ${growth / 1024} KB`);
  await page.done();
});

test('pagination moves through the feed and marks the current page', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news'));
  await h1(page);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await pages.getByRole('link', { name: 'Page 2' }).click();
  await page.waitForURL(/news\/page\/2\/$/);
  await page.waitForFunction(() => document.querySelector('a[aria-current=page][aria-label="Page 2"]'));
  assert.match(await page.title(), /^News – Page 2 of \d+/);
  await pages.getByRole('link', { name: 'Previous' }).click();
  await page.waitForURL(/\/en\/news\/$/);
  await page.waitForFunction(() => /^News – Page 1 of \d+/.test(document.title));
  await page.done();
});

test('the skip link is the first thing to tab to and leads to the main content', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news'));
  await h1(page);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(focused, 'Skip to main content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.done();
});

test('every page type reflows at 320 CSS px without horizontal scrolling', async () => {
  for (const path of ['/en/', '/en/news', '/en/news/1', '/ru/faq', '/qr/helplines', '/ru/agencies', '/uz/pages/open-government']) {
    const page = await openPage(site, { width: 320 });
    await page.goto(site.url(path));
    await h1(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${path} overflows by ${overflow} px`);
    await page.done();
  }
});
