// Search: the header's box, the results page (counts, marks, kinds, paging, empty states),
// Uzbek apostrophes and Cyrillic case, hostile queries, only the index files it needs; and
// what #23 asks of it: body words, word endings in Russian and Uzbek, both Uzbek scripts, a
// typo, the hint to other languages, and the filters kept in the address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();

test('the header search finds the seed article and marks the words', async () => {
  const page = await openPage(site);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/search/')) fetched.push(new URL(r.url()).pathname); });
  await page.goto(site.url('/en/news'));
  await h1(page);
  const box = page.getByRole('search').first().getByRole('searchbox', { name: 'Search the portal' });
  await box.fill('Kazakhstan diplomatic');
  await box.press('Enter');
  await page.waitForURL(/\/en\/search\/\?q=Kazakhstan%20diplomatic$/);
  await arrived(page, 'Search results for “Kazakhstan diplomatic”');
  assert.equal(await h1(page), 'Search results for “Kazakhstan diplomatic”');
  const results = page.locator('.search-result');
  await results.first().waitFor();
  assert.match(await page.locator('.feed__count').textContent(), /^\d+ results?$/);
  const seed = page.getByRole('link', { name: /Uzbekistan–Kazakhstan: dedicated/ });
  assert.equal(await seed.getAttribute('href'), '/en/news/1/');
  assert.ok(await results.locator('mark').count() >= 2, 'the words are marked');
  // Only the index, the shards of the two words and the documents shown were fetched.
  assert.ok(fetched.includes('/api/v1/en/search/index.json'));
  assert.ok(fetched.every((p) => /\/en\/search\/(index|shard\/\d+|docs\/\d+)\.json$/.test(p)), fetched.join());
  assert.ok(fetched.filter((p) => p.includes('/shard/')).length <= 2, fetched.join());
  await seed.click();
  await page.waitForURL(/\/en\/news\/1\/?$/);
  await page.done();
});

test('results of every kind, paging, and the empty and prompt states', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/search?q=school'));
  await page.locator('.search-result').first().waitFor();
  const kinds = new Set((await page.locator('.search-result__meta').allTextContents()).map((t) => t.split(' · ')[0].trim()));
  assert.ok(kinds.size >= 2, [...kinds].join());
  const count = Number((await page.locator('.feed__count').textContent()).match(/\d+/)[0]);
  if (count > 20) {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 2' }).click();
    await page.waitForURL(/q=school&page=2$/);
    await page.locator('.search-result').first().waitFor();
  }
  await page.goto(site.url('/en/search?q=zzqqxxnothing'));
  await page.getByText('No results.').waitFor();
  await page.goto(site.url('/en/search'));
  await page.getByText('Type one or more words').waitFor();
  // One search box on the search page: the header's gives way to the page's own.
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('summary.site-menu__button').evaluate((s) => { if (getComputedStyle(s).display !== 'none') s.click(); });
    const boxes = await page.getByRole('searchbox').evaluateAll((bs) => bs.filter((b) => b.checkVisibility()).length);
    assert.equal(boxes, 1, `${width} px: ${boxes} search boxes`);
  }
  await page.done();
});

test('Uzbek apostrophes and Cyrillic case fold the same; hostile queries are text', async () => {
  const page = await openPage(site);
  const counts = [];
  for (const q of ["O'zbek", 'Oʻzbek', 'O‘ZBEK']) {
    await page.goto(site.url(`/oz/search?q=${encodeURIComponent(q)}`));
    await page.locator('.search-result, .message').first().waitFor();
    counts.push(await page.locator('.search-result').count());
  }
  assert.ok(counts[0] > 0 && counts.every((c) => c === counts[0]), counts.join());
  const ru = [];
  for (const q of ['ПОРТАЛ', 'портал']) {
    await page.goto(site.url(`/ru/search?q=${encodeURIComponent(q)}`));
    await page.locator('.search-result, .message').first().waitFor();
    ru.push(await page.locator('.search-result').count());
  }
  assert.ok(ru[0] > 0 && ru[0] === ru[1], ru.join());

  const hostile = `<img src=x onerror="window.__pwned=1">${'a'.repeat(10000)}`;
  await page.goto(site.url(`/en/search?q=${encodeURIComponent(hostile)}`));
  await h1(page);
  assert.equal(await page.locator('main img').count(), 0);
  assert.ok((await h1(page)).length < 300, 'the query shown is cut');
  await page.goto(site.url('/en/search?q=%E0%A4%A&page=abc'));
  await h1(page);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.done();
});

/** The hrefs of the results shown for `q` on the site of `lang`, once they are there. */
async function found(page, lang, q) {
  await page.goto(site.url(`/${lang}/search/?q=${encodeURIComponent(q)}`));
  await page.locator('.search-result, .message, .search-elsewhere').first().waitFor();
  return page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')).sort());
}

test('a word of the body finds the article, with the snippet where the word is', async () => {
  const page = await openPage(site);
  for (const q of ['Maktaaral', 'Nazarbayev']) {
    assert.ok((await found(page, 'en', q)).includes('/en/news/1/'), q);
    const seed = page.locator('.search-result', { has: page.locator('a[href="/en/news/1/"]') });
    assert.equal(await seed.locator('.search-result__snippet mark').first().textContent(), q);
  }
  await page.done();
});

test('word endings: Russian case forms and Uzbek suffixes find what the word finds', async () => {
  const page = await openPage(site);
  const pension = await found(page, 'ru', 'пенсия');
  assert.ok(pension.some((h) => h.startsWith('/ru/faq/#')), pension.join());
  for (const q of ['пенсию', 'пенсии']) assert.deepEqual(await found(page, 'ru', q), pension, q);
  const soliq = await found(page, 'oz', 'soliq');
  assert.ok(soliq.length >= 3, soliq.join());
  for (const q of ['soliqni', 'soliqlar']) assert.deepEqual(await found(page, 'oz', q), soliq, q);
  await page.done();
});

test('either Uzbek script finds both', async () => {
  const page = await openPage(site);
  const latin = await found(page, 'oz', 'soliq');
  assert.deepEqual(await found(page, 'oz', 'солиқ'), latin);
  // The Latin letters of the query mark the Cyrillic words of the text.
  const cyrillic = await found(page, 'uz', 'солиқ');
  assert.ok(cyrillic.length >= 3, cyrillic.join());
  assert.deepEqual(await found(page, 'uz', 'soliq'), cyrillic);
  const mark = (await page.locator('.search-result mark').first().textContent()).toLowerCase();
  assert.ok(mark.startsWith('солиқ'), mark);
  await page.done();
});

test('one typo still finds the article', async () => {
  const page = await openPage(site);
  assert.ok((await found(page, 'en', 'Kazahstan')).includes('/en/news/1/'));
  const seed = page.locator('.search-result', { has: page.locator('a[href="/en/news/1/"]') });
  assert.equal(await seed.locator('mark').first().textContent(), 'Kazakhstan');
  await page.done();
});

test('nothing in this language: how many each other language finds, linked', async () => {
  const page = await openPage(site);
  assert.deepEqual(await found(page, 'en', 'пенсия'), []);
  const hint = page.locator('.search-elsewhere');
  await hint.getByText('Nothing was found in this language').waitFor();
  const russian = hint.getByRole('link', { name: 'Русский' });
  assert.equal(await russian.getAttribute('href'), `/ru/search/?q=${encodeURIComponent('пенсия')}`);
  assert.match(await hint.locator('li').filter({ hasText: 'Русский' }).textContent(), /^Русский: \d+ results?$/);
  await russian.click();
  await page.waitForURL(/\/ru\/search\/\?q=/);
  await page.locator('.search-result').first().waitFor();
  await page.done();
});

test('filters by kind and year live in the address and count their results', async () => {
  const page = await openPage(site);
  await found(page, 'en', 'portal');
  const filters = page.getByRole('navigation', { name: 'Filter the results' });
  const all = filters.getByRole('link', { name: /^All kinds \(\d+\)$/ });
  assert.equal(await all.getAttribute('aria-current'), 'true');
  const faq = filters.getByRole('link', { name: /^Question \(\d+\)$/ });
  const count = Number((await faq.textContent()).match(/\((\d+)\)/)[1]);
  await faq.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/search\/\?q=portal&kind=faq$/);
  await page.locator('.search-result').first().waitFor();
  assert.match(await page.locator('.feed__count').textContent(), new RegExp(`^${count} results?$`));
  const kinds = new Set(await page.locator('.search-result__meta').allTextContents());
  assert.deepEqual([...kinds], ['Question']);
  assert.equal(await filters.getByRole('link', { name: /^Question/ }).getAttribute('aria-current'), 'true');

  await found(page, 'en', 'Kazakhstan');
  await filters.getByRole('link', { name: /^2017 \(\d+\)$/ }).click();
  await page.waitForURL(/\/en\/search\/\?q=Kazakhstan&year=2017$/);
  await page.locator('.search-result').first().waitFor();
  for (const meta of await page.locator('.search-result__meta').allTextContents()) assert.match(meta, /2017/);

  // A deep link with both, and bad values with a clear message.
  await page.goto(site.url('/en/search/?q=Kazakhstan&kind=news&year=2017'));
  await page.locator('.search-result').first().waitFor();
  assert.equal(await filters.getByRole('link', { name: /^News/ }).getAttribute('aria-current'), 'true');
  for (const [query, message] of [
    ['kind=xyz', 'The kind of result in the web address is not valid.'],
    ['year=abc', 'The year in the web address is not valid.'],
    ['page=0', 'The page number in the web address is not valid.'],
  ]) {
    await page.goto(site.url(`/en/search/?q=portal&${query}`));
    await page.getByText(message).waitFor();
  }
  await page.done();
});
