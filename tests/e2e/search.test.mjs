// Search: the header's box, the results page (counts, marks, kinds, paging, empty states),
// Uzbek apostrophes and Cyrillic case, hostile queries, and only the index files it needs.
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
  await page.waitForURL(/\/en\/search\?q=Kazakhstan%20diplomatic$/);
  await arrived(page, 'Search results for “Kazakhstan diplomatic”');
  assert.equal(await h1(page), 'Search results for “Kazakhstan diplomatic”');
  const results = page.locator('.search-result');
  await results.first().waitFor();
  assert.match(await page.locator('.feed__count').textContent(), /^\d+ results?$/);
  const seed = page.getByRole('link', { name: /Uzbekistan–Kazakhstan: dedicated/ });
  assert.equal(await seed.getAttribute('href'), '/en/news/1');
  assert.ok(await results.locator('mark').count() >= 2, 'the words are marked');
  // Only the index, the shards of the two words and the documents shown were fetched.
  assert.ok(fetched.includes('/api/v1/en/search/index.json'));
  assert.ok(fetched.every((p) => /search\/(index|shard\/(ka|di)|docs\/\d+)\.json$/.test(p)), fetched.join());
  await seed.click();
  await page.waitForURL(/\/en\/news\/1$/);
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
