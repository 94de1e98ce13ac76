// The helpline directory: numbers as tel: links, filter by name or digits, by kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();
const shown = (page) => page.locator('li.helpline:not([hidden])').count();

test('helplines by kind with tel: links in international format', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/helplines'));
  assert.equal(await h1(page), 'Helplines of ministries and agencies');
  const total = await page.locator('li.helpline').count();
  assert.ok(total >= 40, `${total} helplines`);
  assert.ok(await page.locator('.helplines__group h2').count() >= 3);
  assert.equal(await page.locator('.helplines__count').textContent(), `${total} helplines`);
  const tel = page.locator('.helpline__phones a').first();
  assert.match(await tel.getAttribute('href'), /^tel:\+998\d{9}$/);
  assert.match(await tel.textContent(), /^\+998 \d\d \d\d\d \d\d \d\d$/);
  assert.equal(await page.locator('li.helpline .sample-tag').count(), total, 'every sample is tagged');
  await page.done();
});

test('filter by digits of a number, by name and by kind; empty state', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/helplines'));
  await h1(page);
  const total = await shown(page);
  const display = await page.locator('.helpline__phones a').nth(3).textContent();
  // The last five digits, typed with a space as people do ("12 34" style).
  const digits = display.replace(/\D/g, '').slice(-5);
  await page.getByLabel('Name, topic or phone number').fill(`${digits.slice(0, 2)} ${digits.slice(2)}`);
  const byDigits = await shown(page);
  assert.ok(byDigits >= 1 && byDigits < total, `${byDigits} for ${digits}`);

  const name = (await page.locator('.helpline__name').first().textContent()).trim();
  const word = name.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  await page.getByLabel('Name, topic or phone number').fill(word.toLowerCase());
  assert.ok(await shown(page) >= 1);
  assert.ok(await page.locator('li.helpline:not([hidden]) mark').count() >= 1);

  await page.getByLabel('Name, topic or phone number').fill('');
  const groups = await page.locator('#helpline-group option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.getByLabel('Type of body').selectOption(groups[0]);
  const inGroup = await shown(page);
  assert.ok(inGroup >= 1 && inGroup < total);
  assert.equal(await page.locator('.helplines__group:not([hidden])').count(), 1);

  await page.getByLabel('Name, topic or phone number').fill('no such body anywhere');
  assert.equal(await shown(page), 0);
  assert.ok(await page.getByText('No helplines match.').isVisible());
  await page.done();
});

const shownIds = (page) => page.locator('li.helpline:not([hidden])').evaluateAll((ls) => ls.map((l) => l.id));
const filter = (page) => page.locator('#helpline-filter');

test('what a reader needs finds the line that does it, in every language', async () => {
  for (const [code, cases] of [
    ['en', [['police', 'internal-affairs'], ['ambulance', 'health'], ['electricity', 'energy'], ['passport', 'internal-affairs'], ['passport', 'public-services'], ['tax', 'tax'], ['fire', 'emergency-situations']]],
    ['ru', [['полиция', 'internal-affairs'], ['скорая', 'health'], ['электричество', 'energy'], ['паспорт', 'public-services'], ['налог', 'tax']]],
    ['oz', [['politsiya', 'internal-affairs'], ['tez yordam', 'health'], ['elektr', 'energy'], ["yong'in", 'emergency-situations'], ['soliq', 'tax'], ['pasport', 'public-services']]],
    ['uz', [['полиция', 'internal-affairs'], ['тез ёрдам', 'health'], ['электр', 'energy'], ['солиқ', 'tax'], ['паспорт', 'public-services']]],
    ['qr', [['policiya', 'internal-affairs'], ['tez járdem', 'health'], ['elektr', 'energy'], ['salıq', 'tax'], ['pasport', 'public-services']]],
  ]) {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/helplines`));
    await h1(page);
    // Each line says what it is for, and its hint gives examples of what to type.
    assert.ok((await page.locator('#internal-affairs .helpline__about').textContent()).length > 20, code);
    assert.equal(await filter(page).getAttribute('aria-describedby'), 'helpline-filter-hint');
    for (const [query, id] of cases) {
      await filter(page).fill(query);
      const ids = await shownIds(page);
      assert.ok(ids.includes(id), `${code}: "${query}" finds ${id}: ${ids}`);
      assert.ok(ids.length <= 5, `${code}: "${query}" finds a few, not everything: ${ids}`);
    }
    await page.done();
  }
});

test('a link to a helpline (#id) lands on it and marks it, on arrival and from another page', async () => {
  const page = await openPage(site, { width: 390 });
  await page.goto(site.url('/en/helplines/#energy'));
  await h1(page);
  const energy = page.locator('li#energy');
  assert.ok(await energy.evaluate((e) => e.matches('.helpline--target') && e.matches(':target')));
  const inView = (id) => page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, id);
  assert.ok(await inView('energy'), 'scrolled to #energy');
  assert.notEqual(await energy.evaluate((e) => getComputedStyle(e).outlineStyle), 'none', 'visibly marked');
  assert.equal(await page.locator('li.helpline--target').count(), 1);

  // Followed inside the app, as a search result is: the page arrives, then the entry.
  await page.goto(site.url('/en/'));
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.id = 'to-helpline';
    a.textContent = 'Customs helpline';
    document.querySelector('main').append(a);
  }, site.url('/en/helplines/#customs'));
  await page.click('#to-helpline');
  await arrived(page, 'Helplines of ministries and agencies');
  await page.waitForFunction(() => document.getElementById('customs')?.classList.contains('helpline--target'));
  await page.waitForFunction(() => {
    const r = document.getElementById('customs').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  });
  await page.done();
});

test('the filter is kept in the address: shared links open filtered, Back restores it', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/helplines/?q=ambulance'));
  await h1(page);
  await page.waitForFunction(() => document.querySelectorAll('li.helpline:not([hidden])').length < 10);
  assert.equal(await filter(page).inputValue(), 'ambulance');
  assert.ok((await shownIds(page)).includes('health'));

  await filter(page).fill('police');
  await page.waitForURL(/\/en\/helplines\/\?q=police$/);
  const before = await page.evaluate(() => history.length);
  await filter(page).fill('police station');
  await page.waitForURL(/\?q=police\+station$/);
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces the entry');
  await filter(page).fill('police');
  await page.waitForURL(/\?q=police$/);

  // Away to another page and Back: the same filter, the same list.
  await page.locator('.breadcrumbs a').first().click();
  await page.waitForURL(/\/en\/$/);
  await page.goBack();
  await arrived(page, 'Helplines of ministries and agencies');
  await page.waitForFunction(() => document.querySelector('#helpline-filter')?.value === 'police');
  assert.deepEqual(await shownIds(page), ['internal-affairs']);
  assert.match(page.url(), /\/en\/helplines\/\?q=police$/);

  // Cleared, the address has no query left.
  await filter(page).fill('');
  await page.waitForURL(/\/en\/helplines\/$/);
  await page.done();
});

test('the kind is kept in the address too: ?kind= opens it chosen, and Back restores it', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/helplines/?kind=committees'));
  await h1(page);
  await page.waitForFunction(() => document.querySelector('#helpline-group')?.value === 'committees');
  const groups = () => page.locator('section.helplines__group:not([hidden])').evaluateAll((s) => s.map((x) => x.getAttribute('aria-labelledby')));
  assert.deepEqual(await groups(), ['group-committees']);
  await page.locator('#helpline-group').selectOption('ministries');
  await page.waitForURL(/\/en\/helplines\/\?kind=ministries$/);
  await filter(page).fill('health');
  await page.waitForURL(/\?kind=ministries&q=health$/);
  await page.locator('.breadcrumbs a').first().click();
  await page.waitForURL(/\/en\/$/);
  await page.goBack();
  await arrived(page, 'Helplines of ministries and agencies');
  await page.waitForFunction(() => document.querySelector('#helpline-group')?.value === 'ministries');
  assert.deepEqual(await groups(), ['group-ministries']);
  assert.equal(await filter(page).inputValue(), 'health');
  await page.locator('#helpline-group').selectOption('');
  await page.waitForURL(/\/en\/helplines\/\?q=health$/);
  await page.done();
});
