// The app hosted under a sub-path (`scripts/build --public-url /portal/`): deep links, links
// and the API all stay under it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, DIST_PORTAL } from './harness.mjs';

const site = useSite({ dir: DIST_PORTAL, base: '/portal/' });

test('deep link, navigation and API under /portal/', async () => {
  const page = await openPage(site);
  const apiRequests = [];
  page.on('request', (r) => r.url().includes('/api/') && apiRequests.push(new URL(r.url()).pathname));
  await page.goto(site.url('/en/news/1'));
  assert.match(await h1(page), /^Uzbekistan–Kazakhstan/);
  const category = page.locator('.article__meta a');
  assert.equal(await category.getAttribute('href'), '/portal/en/news/category/politics/');
  await category.click();
  await page.waitForURL(/\/portal\/en\/news\/category\/politics\/$/);
  assert.equal(await h1(page), 'Politics');
  assert.ok(apiRequests.length >= 2);
  assert.ok(apiRequests.every((p) => p.startsWith('/portal/api/v1/en/')), apiRequests.join(' '));
  await page.done();
});

test('/portal/ redirects to /portal/en/', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/'));
  await page.waitForURL(/\/portal\/en\/$/);
  assert.equal(await page.locator('.site-header__brand').getAttribute('href'), '/portal/en/');
  await page.done();
});
