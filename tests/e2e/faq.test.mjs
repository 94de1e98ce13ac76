// The FAQ widget: accordion, filter as you type, live count, deep links, keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();

const count = (page) => page.locator('.faq__count').textContent();
const visibleItems = (page) => page.locator('details.faq__item:not([hidden])').count();

test('questions grouped by topic, filtered as you type with a live count', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/faq'));
  assert.equal(await h1(page), 'Frequently asked questions');
  assert.ok(await page.locator('.faq__topic h2').count() >= 5, 'at least 5 topics');
  const total = await page.locator('details.faq__item').count();
  assert.ok(total >= 30, `${total} questions`);
  assert.equal(await count(page), `${total} questions`);
  assert.equal(await page.locator('.faq__count').getAttribute('aria-live'), 'polite');

  // A word of the first question, typed in capitals, finds it and marks it.
  const first = (await page.locator('.faq__question').first().textContent()).trim();
  const word = first.split(/\s+/).find((w) => w.replace(/\W/g, '').length > 5).replace(/\W/g, '');
  await page.getByLabel('Filter questions and answers').fill(word.toUpperCase());
  const shown = await visibleItems(page);
  assert.ok(shown >= 1 && shown < total, `${shown} shown for ${word}`);
  assert.equal(await count(page), shown === 1 ? '1 question' : `${shown} questions`);
  assert.ok(await page.locator('details.faq__item:not([hidden]) mark').count() >= 1, 'matches are marked');

  await page.getByLabel('Filter questions and answers').fill('zzzqqqxxx');
  assert.equal(await visibleItems(page), 0);
  assert.equal(await count(page), '0 questions');
  assert.ok(await page.getByText('No answers match these words.').isVisible());

  await page.getByLabel('Filter questions and answers').fill('');
  assert.equal(await visibleItems(page), total);
  await page.done();
});

test('Uzbek: o‘, oʻ and o\' are the same letter when filtering', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/oz/faq'));
  await h1(page);
  const texts = await page.locator('.faq__question').allTextContents();
  const word = texts.join(' ').split(/\s+/).find((w) => /[oOgG]ʻ/.test(w)).replace(/[^\p{L}ʻ]/gu, '');
  await page.locator('#faq-filter').fill(word.replace(/ʻ/g, "'"));
  assert.ok(await visibleItems(page) >= 1, `typed ${word} with an ASCII apostrophe`);
  await page.done();
});

test('the accordion works by keyboard; expand all and collapse all', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/faq'));
  await h1(page);
  const first = page.locator('details.faq__item').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await first.evaluate((d) => d.open), true);
  await page.keyboard.press('Enter');
  assert.equal(await first.evaluate((d) => d.open), false);

  await page.getByRole('button', { name: 'Expand all' }).click();
  assert.equal(await page.locator('details.faq__item:not([open])').count(), 0);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  assert.equal(await page.locator('details.faq__item[open]').count(), 0);
  await page.done();
});

test('a link to a question opens it; every answer has its own link', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/faq'));
  await h1(page);
  const items = page.locator('details.faq__item');
  const id = await items.nth(7).getAttribute('id');
  assert.equal(
    await items.nth(7).locator('.faq__link a').getAttribute('href'),
    `/en/faq/#${id}`,
  );
  await page.goto(site.url(`/en/faq#${id}`));
  await page.waitForFunction((id) => document.getElementById(id)?.open, id);
  await page.done();
});

test('the FAQ filter is kept in the address: a shared link opens filtered, Back restores it', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/faq/?q=passport'));
  await h1(page);
  await page.waitForFunction(() => document.querySelector('#faq-filter')?.value === 'passport');
  const shown = await visibleItems(page);
  const total = await page.locator('details.faq__item').count();
  assert.ok(shown >= 1 && shown < total, `${shown} for passport`);

  await page.getByLabel('Filter questions and answers').fill('pension');
  await page.waitForURL(/\/en\/faq\/\?q=pension$/);
  const pension = await visibleItems(page);
  await page.locator('.breadcrumbs a').first().click();
  await page.waitForURL(/\/en\/$/);
  await page.goBack();
  await arrived(page, 'Frequently asked questions');
  await page.waitForFunction(() => document.querySelector('#faq-filter')?.value === 'pension');
  assert.equal(await visibleItems(page), pension);

  // A link to one answer keeps its fragment when the filter changes the address.
  const id = await page.locator('details.faq__item:not([hidden])').first().getAttribute('id');
  await page.goto(site.url(`/en/faq/?q=pension#${id}`));
  await page.waitForFunction((id) => document.getElementById(id)?.open, id);
  await page.getByLabel('Filter questions and answers').fill('pensions');
  await page.waitForURL((url) => url.search === '?q=pensions' && url.hash === `#${id}`);
  await page.done();
});

test('every language has the FAQ with its own labels', async () => {
  for (const [code, title] of [['oz', 'Koʻp beriladigan savollar'], ['uz', 'Кўп бериладиган саволлар'], ['ru', 'Часто задаваемые вопросы'], ['qr', 'Kóp beriletuǵın sorawlar']]) {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/faq`));
    assert.equal(await h1(page), title);
    assert.ok(await page.locator('details.faq__item').count() >= 30, code);
    await page.done();
  }
});

test('words a question does not use find it ("tax debt", "complaint"), in every language', async () => {
  for (const [code, cases] of [
    ['en', [['tax debt', 'tax-debt'], ['complaint', 'service-refused']]],
    ['ru', [['налоговый долг', 'tax-debt'], ['жалоба', 'service-refused']]],
    ['oz', [['soliq qarzi', 'tax-debt'], ['shikoyat', 'service-refused']]],
    ['uz', [['солиқ қарзи', 'tax-debt'], ['шикоят', 'service-refused']]],
    ['qr', [['salıq qarızı', 'tax-debt'], ['shaǵım', 'service-refused']]],
  ]) {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/faq`));
    await h1(page);
    for (const [query, id] of cases) {
      await page.locator('#faq-filter').fill(query);
      const ids = await page.locator('details.faq__item:not([hidden])').evaluateAll((ds) => ds.map((d) => d.id));
      assert.ok(ids.includes(id), `${code}: "${query}" finds ${id}: ${ids}`);
      assert.ok(ids.length <= 3, `${code}: "${query}" finds a few, not everything: ${ids}`);
    }
    await page.done();
  }
});

test('a marked word does not break the question: one line box per line, at 360 px', async () => {
  const page = await openPage(site, { width: 360 });
  await page.goto(site.url('/en/faq'));
  await h1(page);
  await page.locator('#faq-filter').fill('lost my passport');
  const item = page.locator('#lost-document .faq__question-text');
  assert.ok(await page.locator('#lost-document mark').count() >= 3, 'the words are marked');
  // Broken mid-word, the marks would be boxes of their own, on lines of their own.
  const lines = await item.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  const height = await item.evaluate((el) => el.getBoundingClientRect().height);
  const lineHeight = await item.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  assert.ok(Math.round(height / lineHeight) <= 2, `the question takes ${height} px (${lines} lines)`);
  await page.done();
});
