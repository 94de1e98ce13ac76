// The helpline directory: numbers as tel: links, filter by name or digits, by kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

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
  await page.getByLabel('Name or phone number').fill(`${digits.slice(0, 2)} ${digits.slice(2)}`);
  const byDigits = await shown(page);
  assert.ok(byDigits >= 1 && byDigits < total, `${byDigits} for ${digits}`);

  const name = (await page.locator('.helpline__name').first().textContent()).trim();
  const word = name.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  await page.getByLabel('Name or phone number').fill(word.toLowerCase());
  assert.ok(await shown(page) >= 1);
  assert.ok(await page.locator('li.helpline:not([hidden]) mark').count() >= 1);

  await page.getByLabel('Name or phone number').fill('');
  const groups = await page.locator('#helpline-group option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  await page.getByLabel('Type of body').selectOption(groups[0]);
  const inGroup = await shown(page);
  assert.ok(inGroup >= 1 && inGroup < total);
  assert.equal(await page.locator('.helplines__group:not([hidden])').count(), 1);

  await page.getByLabel('Name or phone number').fill('no such body anywhere');
  assert.equal(await shown(page), 0);
  assert.ok(await page.getByText('No helplines match.').isVisible());
  await page.done();
});
