// The phone-first header: one row on a phone in every language, a menu (a native <details>)
// that works before the app has arrived and after, by keyboard and screen reader, the version
// for the visually impaired one tap away; the feed's chips on one row; the first headline high.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();
const LANGS = ['en', 'ru', 'oz', 'uz', 'qr'];
const MENU = { en: 'Menu', ru: 'Меню', oz: 'Menyu', uz: 'Меню', qr: 'Menyu' };
const DISPLAY = {
  en: 'Version for the visually impaired', ru: 'Версия для слабовидящих', oz: 'Koʻzi ojizlar uchun versiya',
  uz: 'Кўзи ожизлар учун версия', qr: 'Kózi názik adamlar ushın versiya',
};

/** A 360×800 phone page; `text` a display setting's text size, remembered before the visit. */
async function phone(text) {
  const page = await openPage(site, { width: 360 });
  await page.setViewportSize({ width: 360, height: 800 });
  if (text) await page.addInitScript((t) => localStorage.setItem('portal.display', `text=${t}`), text);
  return page;
}

const headerHeight = (page) => page.locator('.site-header').evaluate((h) => h.getBoundingClientRect().height);
const firstHeadline = (page) => page.locator('main .news-item__title').first().evaluate((h) => h.getBoundingClientRect().top);

test('at 360 px the header is at most 120 px in every language, and the first headline is above 400 px on home and feed', async () => {
  for (const lang of LANGS) {
    const page = await phone();
    for (const path of [`/${lang}/`, `/${lang}/news/`]) {
      await page.goto(site.url(path));
      await h1(page);
      const height = await headerHeight(page);
      assert.ok(height <= 120, `${path}: the header is ${height} px`);
      const top = await firstHeadline(page);
      assert.ok(top < 400, `${path}: the first headline starts at ${top} px`);
    }
    // The feed's categories are one row that scrolls sideways, not rows of chips.
    const tops = await page.locator('.category-filter li').evaluateAll((ls) => new Set(ls.map((l) => Math.round(l.getBoundingClientRect().top))).size);
    assert.equal(tops, 1, `${lang}: the chips take ${tops} rows`);
    assert.ok(await page.locator('.category-filter ul').evaluate((u) => u.scrollWidth > u.clientWidth), `${lang}: the row scrolls`);
    await page.done();
  }
});

test('at the largest text the header leaves most of a phone\'s screen to the content', async () => {
  for (const lang of LANGS) {
    const page = await phone('largest');
    await page.goto(site.url(`/${lang}/`));
    await h1(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '32px');
    const height = await headerHeight(page);
    assert.ok(height < 400, `${lang}: the header is ${height} px of 800`);
    // The page still fits the screen (nothing wider than 360 px), and no word of the name is
    // broken across lines.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360, `${lang}: the page is wider than the screen`);
    const broken = await page.locator('.site-header__name').evaluate((el) => {
      const node = el.firstChild;
      return [...node.data.matchAll(/\S+/g)].filter((m) => {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      }).map((m) => m[0]);
    });
    assert.deepEqual(broken, [], `${lang}: words of the name broken across lines`);
    await page.done();
  }
});

test('the menu opens before the app has arrived, stays open through hydration, and works after', async () => {
  const page = await phone();
  // The app's files are held back: the reader meets the prerendered page alone.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.(wasm|js)$/, async (route) => { await held; await route.continue(); });
  await page.goto(site.url('/en/news/'), { beforeApp: true, waitUntil: 'domcontentloaded' });
  const button = page.locator('summary.site-menu__button');
  assert.equal(await button.textContent(), 'Menu');
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), false, 'closed at first');
  await button.click();
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), false, 'no app yet');
  const nav = page.getByRole('navigation', { name: 'Main' });
  assert.equal(await nav.isVisible(), true, 'the menu opens without the app');
  assert.equal(await page.getByRole('link', { name: 'Русский' }).isVisible(), true);
  assert.equal(await page.locator('#header-search-q').isVisible(), true);
  release();
  await h1(page);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  assert.equal(await page.locator('details.site-menu').getAttribute('open'), '', 'hydration left it open');
  assert.equal(await nav.isVisible(), true);

  // A section's link changes the page and closes the menu.
  await nav.getByRole('link', { name: 'Helplines' }).click();
  await page.waitForURL(/\/en\/helplines\/$/);
  await page.waitForFunction(() => !document.querySelector('details.site-menu').open);

  // By keyboard: Enter opens it, Escape closes it and leaves focus on its button.
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await nav.isVisible(), true);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.equal(await nav.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('site-menu__button')), true);
  await page.done();
});

test('the menu button and the display toggle are in the header in every language, each one tap away', async () => {
  for (const lang of LANGS) {
    const page = await phone();
    await page.goto(site.url(`/${lang}/`));
    await h1(page);
    const menu = page.locator('summary.site-menu__button');
    assert.equal((await menu.textContent()).trim(), MENU[lang]);
    // An icon on the bar, named by its words for screen readers.
    const toggle = page.getByRole('button', { name: DISPLAY[lang] });
    assert.equal(await toggle.isVisible(), true, `${lang}: the toggle is on the bar`);
    const box = await toggle.boundingBox();
    assert.ok(box.width >= 44 && box.height >= 44, `${lang}: the toggle is ${box.width}×${box.height}`);
    await toggle.click();
    assert.equal(await page.locator('#display-settings').isVisible(), true, `${lang}: one tap opens the settings`);
    await page.done();
  }
});

test('on a wide screen the menu\'s contents are the header, with no menu button', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await h1(page);
  assert.equal(await page.locator('summary.site-menu__button').isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), true);
  assert.equal(await page.locator('#header-search-q').isVisible(), true);
  assert.equal(await page.getByRole('link', { name: 'Русский' }).isVisible(), true);
  assert.equal(await page.getByRole('button', { name: 'Version for the visually impaired' }).isVisible(), true);
  await page.done();
});
