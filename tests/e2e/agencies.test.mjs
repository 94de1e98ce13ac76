// Agencies (what each does, filter kept in the address, #id links) and static pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, started, arrived } from './harness.mjs';

const site = useSite();
const names = (page) => page.locator('.agencies li.agency h2').evaluateAll((hs) => hs.map((h) => h.textContent.trim()));

test('agencies: sorted by name, filtered, with contacts as links', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/agencies'));
  assert.equal(await h1(page), 'Government agencies');
  const all = await names(page);
  assert.ok(all.length >= 40, `${all.length} agencies`);
  assert.equal(await page.locator('.agencies__count').textContent(), `${all.length} agencies`);
  // The list's own classes (style/components/agencies.css), none of the helpline directory's.
  assert.equal(await page.locator('.agencies [class*="helpline"]').count(), 0);
  const sorted = [...all].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  assert.deepEqual(all, sorted, 'A to Z');
  await page.getByLabel('Sort by name').selectOption('desc');
  assert.deepEqual(await names(page), [...sorted].reverse(), 'Z to A');
  assert.match(await page.locator('.agencies a[href^="tel:"]').first().getAttribute('href'), /^tel:\+998\d{9}$/);
  const word = all[0].split(/\s+/).sort((a, b) => b.length - a.length)[0];
  await page.getByLabel('Name, topic or address').fill(word.toUpperCase());
  const found = await names(page);
  assert.ok(found.length >= 1 && found.length < all.length);
  await page.getByLabel('Name, topic or address').fill('no such agency here');
  assert.equal((await names(page)).length, 0);
  assert.ok(await page.getByText('No agencies match.').isVisible());
  await page.done();
});

const agencyIds = (page) => page.locator('.agencies li.agency').evaluateAll((ls) => ls.map((l) => l.id));

test('agencies are found by what they do, in every language', async () => {
  for (const [code, cases] of [
    ['en', [['tax', 'tax-committee'], ['passport', 'public-services'], ['census', 'statistics'], ['electricity', 'energy-inspection'], ['pension', 'pension-fund']]],
    ['ru', [['налог', 'tax-committee'], ['паспорт', 'public-services'], ['перепись', 'statistics'], ['пенсия', 'pension-fund']]],
    ['oz', [['soliq', 'tax-committee'], ['pasport', 'public-services'], ['pensiya', 'pension-fund']]],
    ['uz', [['солиқ', 'tax-committee'], ['паспорт', 'public-services'], ['пенсия', 'pension-fund']]],
    ['qr', [['salıq', 'tax-committee'], ['pasport', 'public-services'], ['pensiya', 'pension-fund']]],
  ]) {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/agencies`));
    await h1(page);
    assert.ok((await page.locator('#statistics .agency__about').textContent()).length > 20, code);
    for (const [query, id] of cases) {
      await page.locator('#agency-filter').fill(query);
      const ids = await agencyIds(page);
      assert.ok(ids.includes(id), `${code}: "${query}" finds ${id}: ${ids}`);
      assert.ok(ids.length <= 6, `${code}: "${query}" finds a few: ${ids}`);
    }
    await page.done();
  }
});

test('a link to an agency (#id) lands on it and marks it', async () => {
  const page = await openPage(site, { width: 390 });
  await page.goto(site.url('/en/agencies/#statistics'));
  await h1(page);
  await page.waitForFunction(() => document.getElementById('statistics')?.classList.contains('agency--target'));
  const top = await page.evaluate(() => document.getElementById('statistics').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 900, `#statistics at ${top}`);
  assert.notEqual(await page.locator('#statistics').evaluate((e) => getComputedStyle(e).outlineStyle), 'none');
  assert.equal(await page.locator('li.agency--target').count(), 1);
  await page.done();
});

test('the agency filter is kept in the address and restored by Back', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/agencies/?q=pension'));
  await h1(page);
  await page.waitForFunction(() => document.querySelector('#agency-filter')?.value === 'pension');
  assert.deepEqual(await agencyIds(page), ['pension-fund']);
  await page.locator('#agency-filter').fill('tax');
  await page.waitForURL(/\/en\/agencies\/\?q=tax$/);
  await page.locator('.breadcrumbs a').first().click();
  await page.waitForURL(/\/en\/$/);
  await page.goBack();
  await arrived(page, 'Government agencies');
  await page.waitForFunction(() => document.querySelector('#agency-filter')?.value === 'tax');
  assert.ok((await agencyIds(page)).includes('tax-committee'));
  await page.done();
});

test('text typed into a prerendered filter box before the app starts is applied when it does', async () => {
  for (const [path, label, none] of [
    ['/en/faq', 'Filter questions and answers', 'No answers match'],
    ['/en/helplines', 'Name, topic or phone number', 'No helplines match'],
    ['/en/agencies', 'Name, topic or address', 'No agencies match'],
  ]) {
    const page = await openPage(site);
    // The wasm is held until the reader has typed: the box is there, the app is not.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
    await page.goto(site.url(path), { beforeApp: true });
    await page.getByLabel(label).fill('zzzqqqxxx');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-app')), false, `${path}: typed before the app`);
    release();
    await started(page);
    await page.getByText(none).waitFor();
    assert.equal(await page.getByLabel(label).inputValue(), 'zzzqqqxxx', path);
    await page.done();
  }
});

test('the Open Government page, from "New on the portal", in every language', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await page.getByRole('link', { name: 'New page "Open Government"' }).click();
  await page.waitForURL(/\/en\/pages\/open-government\/$/);
  await arrived(page, 'Open Government');
  assert.equal(await h1(page), 'Open Government');
  assert.ok(await page.locator('.article-body p').count() >= 2);
  await page.done();
  for (const code of ['oz', 'uz', 'ru', 'qr']) {
    const p = await openPage(site);
    await p.goto(site.url(`/${code}/pages/open-government`));
    assert.ok((await h1(p)).length > 3, code);
    await p.done();
  }
});

test('an unknown static page is not found', async () => {
  const page = await openPage(site, { allowed: [/status of 404/] });
  await page.goto(site.url('/en/pages/no-such-page'));
  assert.equal(await h1(page), 'Page not found');
  await page.done();
});
