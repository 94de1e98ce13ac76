// The news calendar: month grid on the home page, keyboard as the ARIA date grid, links to the
// news of one day, and that day's feed with its empty and bad-address states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();

const title = (page) => page.locator('.calendar__title').textContent();
const focusedDate = (page) => page.evaluate(() => document.activeElement?.dataset.date ?? document.activeElement?.tagName);

test('the home calendar opens at the newest news, Monday first, days with news are links', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  const grid = page.getByRole('grid', { name: /January 2018/ });
  await grid.waitFor();
  assert.deepEqual(
    await grid.locator('th [aria-hidden=true]').allTextContents(),
    ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
  );
  // 1 January 2018 was a Monday: the first cell of the first row.
  assert.equal(await grid.locator('tbody tr').first().locator('td').first().getAttribute('data-date'), '2018-01-01');
  const links = grid.getByRole('link');
  assert.equal(await links.count(), 7);
  assert.equal(await links.first().getAttribute('href'), '/en/news/?date=2018-01-05');
  assert.equal(await links.first().getAttribute('aria-label'), '5 January 2018: 1 news item');
  assert.equal(await grid.locator('td[tabindex="0"]').count(), 1, 'one day in the tab order');

  await page.getByRole('button', { name: 'Previous month' }).click();
  assert.equal((await title(page)).trim(), 'December 2017');
  assert.equal(await page.getByRole('button', { name: 'Next month' }).getAttribute('aria-disabled'), 'false');
  await page.getByRole('button', { name: 'Next month' }).click();
  assert.equal(await page.getByRole('button', { name: 'Next month' }).getAttribute('aria-disabled'), 'true');
  await page.done();
});

test('keyboard: arrows, Home/End, PageUp/PageDown move focus; Enter opens the day; focus goes to the new h1', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await page.locator('td[tabindex="0"]').focus();
  assert.equal(await focusedDate(page), '2018-01-29');
  for (const [key, expected] of [
    ['ArrowLeft', '2018-01-28'], ['ArrowUp', '2018-01-21'], ['Home', '2018-01-15'], ['End', '2018-01-21'],
    ['PageUp', '2017-12-21'], ['PageUp', '2017-11-21'], ['ArrowUp', '2017-11-14'], ['ArrowUp', '2017-11-07'],
    ['ArrowUp', '2017-10-31'], ['PageDown', '2017-11-30'], ['Home', '2017-11-27'],
  ]) {
    await page.keyboard.press(key);
    await page.waitForFunction((d) => document.activeElement?.dataset.date === d, expected, { timeout: 2000 })
      .catch(async () => assert.fail(`after ${key}: focus on ${await focusedDate(page)}, expected ${expected}`));
  }
  assert.equal((await title(page)).trim(), 'November 2017');
  // Tab leaves the grid in one step: only one day is tabbable.
  for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
  await page.waitForFunction(() => document.activeElement?.dataset.date === '2017-11-08');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.activeElement?.dataset.date === '2017-11-07');
  // The day is a link once the month's news has arrived; Enter on a day without news does nothing.
  await page.locator('td[data-date="2017-11-07"] a').waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/news\/\?date=2017-11-07$/);
  assert.equal(await h1(page), 'News of 7 November 2017');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.done();
});

test('the news of one day: its articles, the calendar at that day, and empty and bad dates', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news?date=2017-11-01'));
  assert.equal(await h1(page), 'News of 1 November 2017');
  assert.match(await page.title(), /^News of 1 November 2017 – /);
  const items = page.locator('.news-item');
  assert.equal(await items.count(), 3);
  for (const date of await items.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')))) {
    assert.equal(date, '2017-11-01');
  }
  await page.getByRole('link', { name: /Uzbekistan–Kazakhstan/ }).first().waitFor();
  assert.equal((await title(page)).trim(), 'November 2017');
  assert.equal(await page.locator('td[tabindex="0"]').getAttribute('data-date'), '2017-11-01');
  // The calendar has a visible heading; the chosen day is marked as the page, and looks it.
  const heading = page.getByRole('heading', { name: 'News calendar', level: 2 });
  assert.equal(await heading.isVisible(), true, 'visible calendar heading');
  const chosen = page.locator('.calendar a[aria-current="page"]');
  assert.equal(await chosen.count(), 1);
  assert.equal(await chosen.getAttribute('href'), '/en/news/?date=2017-11-01');
  const look = (sel) => page.locator(sel).evaluate((a) => `${getComputedStyle(a).backgroundColor} ${getComputedStyle(a).boxShadow}`);
  assert.notEqual(await look('.calendar a[aria-current="page"]'), await look('td[data-date="2017-11-07"] a'), 'the chosen day looks different');
  // No category chip is the page: the news of one day is not "All news".
  assert.equal(await page.locator('.category-filter a[aria-current]').count(), 0);
  await page.done();

  for (const [path, text] of [
    ['/en/news?date=2017-11-02', 'There is no news on this day.'],
    ['/en/news?date=2030-01-01', 'There is no news on this day.'],
    ['/en/news?date=2017-13-45', 'The date in the web address is not valid.'],
    ['/en/news?date=%3Cscript%3Ealert(1)%3C/script%3E', 'The date in the web address is not valid.'],
  ]) {
    // A month without news has no calendar file: the 404 is expected.
    const p = await openPage(site, { allowed: [/status of 404/] });
    await p.goto(site.url(path));
    await p.getByText(text).waitFor();
    assert.equal(await p.locator('script:not([src]):not([type])').evaluateAll((s) => s.filter((x) => x.textContent.includes('alert(1)')).length), 0);
    await p.done();
  }
});

test('the calendar in Russian: weekday row and month names in Russian', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/ru/news?date=2017-11-01'));
  assert.equal(await h1(page), 'Новости за 1 ноября 2017 г.');
  assert.equal((await title(page)).trim(), 'Ноябрь 2017');
  assert.deepEqual(
    await page.locator('.calendar th [aria-hidden=true]').allTextContents(),
    ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  );
  await page.done();
});
