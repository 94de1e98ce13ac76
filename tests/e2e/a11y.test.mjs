// WCAG 2.2 AA, checked by axe-core on every route in every language, in the loading, error,
// empty and not-found states, in every colour scheme, and with the widgets open. Any
// violation fails the test, with the rule and the elements it found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { useSite, openPage } from './harness.mjs';

const prerendered = useSite();
const spa = useSite({ spa: true });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGS = ['oz', 'uz', 'ru', 'en', 'qr'];
const ROUTES = [
  '/', '/news', '/news/page/2', '/news/category/politics', '/news?date=2017-11-01',
  '/news?date=2017-11-02', '/news/1', '/faq', '/helplines', '/agencies', '/pages/open-government',
  '/news/99999', '/nope',
];
/** Every data page, for the states that depend on the API. */
const DATA_ROUTES = {
  '/en/': '**/api/v1/en/news/page/1.json',
  '/en/news': '**/api/v1/en/news/page/1.json',
  '/en/news/1': '**/api/v1/en/news/1.json',
  '/en/news?date=2017-11-01': '**/api/v1/en/news/calendar/2017-11.json',
  '/en/faq': '**/api/v1/en/faq.json',
  '/en/helplines': '**/api/v1/en/helplines.json',
  '/en/agencies': '**/api/v1/en/agencies.json',
  '/en/pages/open-government': '**/api/v1/en/pages/open-government.json',
};

let checked = 0;

/** Runs axe on the page as it is now; fails with a readable list of violations. */
async function expectNoViolations(page, what) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  checked++;
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(found, [], `${what}: axe violations`);
}

const settled = (page) => page.waitForFunction(() => document.documentElement.hasAttribute('data-app') && !document.querySelector('.skeleton') && document.querySelector('h1'));

test('every route in every language, as prerendered and hydrated', async () => {
  const page = await openPage(prerendered, { allowed: [/status of 404/] });
  for (const lang of LANGS) {
    for (const route of ROUTES) {
      await page.goto(prerendered.url(`/${lang}${route}`));
      await settled(page);
      await expectNoViolations(page, `/${lang}${route}`);
    }
  }
  await page.done();
});

test('loading, error and empty states of every data page', async () => {
  for (const [path, api] of Object.entries(DATA_ROUTES)) {
    // Loading: the answer is held back until axe has run.
    let release;
    const held = new Promise((r) => { release = r; });
    const loading = await openPage(spa);
    await loading.route(api, async (route) => { await held; await route.continue().catch(() => {}); });
    await loading.goto(spa.url(path));
    await loading.locator('.skeleton').first().waitFor();
    await expectNoViolations(loading, `${path} loading`);
    release();
    await loading.done();

    // Error: the API answers 500.
    const error = await openPage(spa, { allowed: [/status of 500/] });
    await error.route(api, (route) => route.fulfill({ status: 500, body: 'broken' }));
    await error.goto(spa.url(path));
    await error.getByRole('button', { name: 'Try again' }).waitFor();
    await expectNoViolations(error, `${path} error`);
    await error.done();
  }
  // Empty: a feed and a day without news, and filters that match nothing.
  const empty = await openPage(spa);
  await empty.route('**/api/v1/en/news/page/1.json', (route) =>
    route.fulfill({ json: { page: 1, total_pages: 1, total_items: 0, items: [] } }));
  await empty.goto(spa.url('/en/news'));
  await empty.getByText('There is no news yet.').waitFor();
  await expectNoViolations(empty, '/en/news empty');
  await empty.done();
  for (const [path, label] of [
    ['/en/faq', 'Filter questions and answers'],
    ['/en/helplines', 'Name, topic or phone number'],
    ['/en/agencies', 'Name, topic or address'],
  ]) {
    const page = await openPage(prerendered);
    await page.goto(prerendered.url(path));
    await page.getByLabel(label).fill('zzzqqqxxx');
    await page.getByText(/^No (answers|helplines|agencies) match/).first().waitFor();
    await expectNoViolations(page, `${path} no match`);
    await page.done();
  }
});

test('every colour scheme and text size, with the settings panel and the FAQ open', async () => {
  const page = await openPage(prerendered);
  await page.goto(prerendered.url('/en/'));
  for (const display of ['scheme=black-on-white', 'scheme=white-on-black', 'scheme=yellow-on-blue', 'text=largest;spacing=wide;images=grey']) {
    await page.evaluate((d) => localStorage.setItem('portal.display', d), display);
    for (const path of ['/en/', '/en/news/1', '/en/faq', '/en/news?date=2017-11-01']) {
      await page.goto(prerendered.url(path));
      await settled(page);
      await expectNoViolations(page, `${path} with ${display}`);
    }
    await page.getByRole('button', { name: 'Version for the visually impaired' }).click();
    await expectNoViolations(page, `settings panel with ${display}`);
  }
  await page.evaluate(() => localStorage.removeItem('portal.display'));
  await page.goto(prerendered.url('/en/faq'));
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expectNoViolations(page, '/en/faq expanded');
  await page.done();
  console.log(`# axe: ${checked} page states checked, 0 violations`);
});

test('keyboard: the skip link comes first, every focused element shows its focus, widgets work', async () => {
  const page = await openPage(prerendered);
  await page.goto(prerendered.url('/en/news'));
  await settled(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Every element Tab reaches on the page shows a focus indicator of its own.
  await page.goto(prerendered.url('/en/news/1'));
  await settled(page);
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const s = getComputedStyle(e);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
        || s.backgroundColor === 'rgb(255, 191, 71)';
      const r = e.getBoundingClientRect();
      return { id: `${e.tagName}.${e.className} ${e.textContent.trim().slice(0, 30)}`, visible, w: r.width, h: r.height, inline: s.display === 'inline' };
    });
    if (!info || seen.has(info.id)) continue;
    seen.add(info.id);
    assert.ok(info.visible, `no visible focus on ${info.id}`);
    // WCAG 2.5.8 exempts links inside a line of text (their size is the line's).
    if (!info.inline) assert.ok(info.w >= 24 && info.h >= 24, `target smaller than 24×24: ${info.id} ${info.w}×${info.h}`);
  }
  assert.ok(seen.size > 20, `${seen.size} focusable elements`);

  // Pagination and the language switcher, by keyboard alone.
  await page.goto(prerendered.url('/en/news'));
  await settled(page);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 2' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/news\/page\/2\/$/);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByRole('link', { name: 'Русский' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/ru\/news\/page\/2\/$/);
  await page.getByRole('heading', { level: 1, name: 'Новости' }).waitFor();
  await page.done();
});
