// The API failing: the error view explains and "Try again" recovers. The pages are rendered in
// the browser (SPA shell), so that their data comes from the API and not from the prerender.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite({ spa: true });

/** Answers the first `times` requests matching `pattern` with `status`, then lets them through. */
async function failFirst(page, pattern, status, times = 1) {
  let left = times;
  await page.route(pattern, (route) => (left-- > 0 ? route.fulfill({ status, body: 'broken' }) : route.continue()));
}

test('an API 500 on the feed shows the error view, and Try again recovers', async () => {
  const page = await openPage(site, { allowed: [/status of 500/] });
  await failFirst(page, '**/api/v1/en/news/page/1.json', 500);
  await page.goto(site.url('/en/news'));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /HTTP 500/);
  assert.ok(await page.getByRole('navigation', { name: 'Main' }).isVisible(), 'the shell still works');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.news-list li').first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.done();
});

test('a failed article load is the page: h1 error title, then recovered', async () => {
  const page = await openPage(site, { allowed: [/status of 503/] });
  await failFirst(page, '**/api/v1/en/news/1.json', 503);
  await page.goto(site.url('/en/news/1'));
  assert.equal(await h1(page), 'Sorry, this content could not be loaded');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: /Uzbekistan–Kazakhstan/ }).waitFor();
  await page.done();
});

test('a body that is not the contract shows the decode error, not a blank page', async () => {
  const page = await openPage(site);
  await page.route('**/api/v1/en/news/page/1.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"page":1,"items":"nope"}' }));
  await page.goto(site.url('/en/news'));
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /cannot read/);
  await page.done();
});

test('no network: the network error view', async () => {
  const page = await openPage(site, { allowed: [/ERR_FAILED|ERR_INTERNET_DISCONNECTED/] });
  await page.route('**/api/v1/en/news/page/1.json', (route) => route.abort('internetdisconnected'));
  await page.goto(site.url('/en/news'));
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /could not be reached/);
  await page.done();
});
