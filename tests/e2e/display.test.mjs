// The version for the visually impaired: text sizes, colour schemes, images, spacing;
// remembered across visits, applied before the app starts, operable by keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();

const attr = (page, name) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
const style = (page, selector, prop) =>
  page.evaluate(([s, p]) => getComputedStyle(document.querySelector(s))[p], [selector, prop]);

test('the settings change the whole page at once and are remembered', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'));
  await h1(page);
  const toggle = page.getByRole('button', { name: 'Version for the visually impaired' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#display-settings').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const panel = page.getByRole('region', { name: 'Display settings' });
  assert.equal(await panel.getByRole('group').count(), 4);

  await panel.getByRole('radio', { name: 'Largest' }).check();
  assert.equal(await attr(page, 'data-text'), 'largest');
  assert.equal(await style(page, 'html', 'fontSize'), '32px');
  await panel.getByRole('radio', { name: 'White on black' }).check();
  assert.equal(await style(page, 'body', 'backgroundColor'), 'rgb(0, 0, 0)');
  assert.equal(await style(page, 'h1', 'color'), 'rgb(255, 255, 255)');
  await panel.getByRole('radio', { name: 'Greyscale' }).check();
  assert.equal(await attr(page, 'data-images'), 'grey');
  await panel.getByRole('radio', { name: 'Wider' }).check();
  assert.equal(await attr(page, 'data-spacing'), 'wide');

  // A new visit: applied by index.html's script before the app runs, and shown as chosen.
  await page.reload();
  await h1(page);
  assert.equal(await attr(page, 'data-text'), 'largest');
  assert.equal(await attr(page, 'data-scheme'), 'white-on-black');
  await page.getByRole('button', { name: 'Version for the visually impaired' }).click();
  assert.equal(await page.getByRole('radio', { name: 'White on black' }).isChecked(), true);

  // Back to standard: attributes and memory cleared.
  await page.getByRole('button', { name: 'Back to the standard version' }).click();
  for (const a of ['data-text', 'data-scheme', 'data-images', 'data-spacing']) assert.equal(await attr(page, a), null, a);
  assert.equal(await page.evaluate(() => localStorage.getItem('portal.display')), null);
  assert.equal(await page.getByRole('radio', { name: 'Standard' }).first().isChecked(), true);
  await page.done();
});

test('keyboard: the toggle opens the panel, arrows choose within a group, Close closes it', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await h1(page);
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab'); // the portal's name
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Version for the visually impaired');
  await page.keyboard.press('Enter');
  // Opened, the reader is on the settings' heading; the next Tab is the first setting.
  await page.waitForFunction(() => document.activeElement.id === 'display-settings-title', null, { timeout: 2000 });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'display-text');
  await page.keyboard.press('ArrowDown');
  assert.equal(await attr(page, 'data-text'), 'large');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await attr(page, 'data-scheme'), 'white-on-black');
  await page.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#display-settings').isVisible(), false);
  await page.done();
});

test('a tampered setting in storage is ignored, never run', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await page.evaluate(() => localStorage.setItem('portal.display', 'text=<img src=x onerror=alert(1)>;scheme=yellow-on-blue;onload=x'));
  await page.reload();
  await h1(page);
  assert.equal(await attr(page, 'data-text'), null);
  assert.equal(await attr(page, 'data-scheme'), 'yellow-on-blue');
  assert.equal(await attr(page, 'data-onload'), null);
  await page.done();
});

// Largest (200 %) text on a 640 px screen lays out like 320 CSS px at 100 %: the WCAG reflow case.
test('largest text with wide spacing at 640 px still reflows without horizontal scrolling', async () => {
  const page = await openPage(site, { width: 640 });
  await page.goto(site.url('/en/'));
  await page.evaluate(() => localStorage.setItem('portal.display', 'text=largest;spacing=wide'));
  for (const path of ['/en/', '/en/news/1', '/en/faq', '/en/helplines']) {
    await page.goto(site.url(path));
    await h1(page);
    await page.waitForFunction(() => !document.querySelector('.skeleton'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
  }
  await page.done();
});

test('a dark system theme keeps the portal\'s readable colours', async () => {
  const page = await openPage(site);
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto(site.url('/en/helplines'));
  await h1(page);
  assert.equal(await style(page, 'body', 'backgroundColor'), 'rgb(255, 255, 255)');
  assert.equal(await style(page, 'h1', 'color'), 'rgb(27, 31, 36)');
  await page.done();
});

test('Escape closes the settings and puts the reader back on the toggle', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await h1(page);
  const toggle = page.getByRole('button', { name: 'Version for the visually impaired' });
  await toggle.click();
  await page.getByRole('radio', { name: 'Larger' }).focus();
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#display-settings').isVisible(), false);
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'display-toggle');
  // From the toggle itself too.
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#display-settings').isVisible(), true);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#display-settings').isVisible(), false);
  await page.done();
});

test('white on black: the header is dark too, not a bright band', async () => {
  for (const scheme of ['white-on-black', 'yellow-on-blue', 'black-on-white']) {
    const page = await openPage(site);
    await page.addInitScript((s) => localStorage.setItem('portal.display', `scheme=${s}`), scheme);
    await page.goto(site.url('/en/'));
    await h1(page);
    const [header, body] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.site-header')).backgroundColor,
      getComputedStyle(document.body).backgroundColor,
    ]);
    assert.equal(header, body, `${scheme}: the header's background is the page's`);
    const name = await style(page, '.site-header__name', 'color');
    assert.notEqual(name, header, `${scheme}: the name is readable`);
    await page.done();
  }
});

test('at the largest text, the calendar (and the side column on a wide screen) keep words and numbers whole', async () => {
  for (const [width, selector] of [
    [360, '.calendar__heading, .calendar__title, .calendar__day, .calendar th'],
    [1280, '.calendar__heading, .calendar__title, .calendar__day, .calendar th, .home__new h2, .shortcuts a'],
  ]) {
    const page = await openPage(site, { width });
    await page.addInitScript(() => localStorage.setItem('portal.display', 'text=largest'));
    await page.goto(site.url('/en/'));
    await h1(page);
    await page.locator('.calendar table').waitFor();
    // A word broken across lines has more than one box.
    const broken = await page.evaluate((selector) => {
      const out = [];
      for (const el of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of node.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
            if (lines > 1) out.push(`"${m[0]}" in ${el.className || el.tagName} on ${lines} lines`);
          }
        }
      }
      return out;
    }, selector);
    assert.deepEqual(broken, [], `${width} px`);
    // The page still fits the screen: a calendar too wide scrolls on its own.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, `${width} px: the page is wider`);
    await page.done();
  }
});

