// The API failing, on every data page: a clear message in the reader's language, "Try again"
// where retrying can help, and the rest of the app still working. The pages are rendered in the
// browser (SPA shell), so that their data comes from the API and not from the prerender.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite({ spa: true });

/** Every data page and the API file it cannot do without. */
const PAGES = [
  ['/en/', '**/api/v1/en/news/page/1.json'],
  ['/en/news', '**/api/v1/en/news/page/1.json'],
  ['/en/news/category/politics', '**/api/v1/en/news/category/politics/page/1.json'],
  ['/en/news?date=2017-11-01', '**/api/v1/en/news/calendar/2017-11.json'],
  ['/en/news/1', '**/api/v1/en/news/1.json'],
  ['/en/faq', '**/api/v1/en/faq.json'],
  ['/en/helplines', '**/api/v1/en/helplines.json'],
  ['/en/agencies', '**/api/v1/en/agencies.json'],
  ['/en/pages/open-government', '**/api/v1/en/pages/open-government.json'],
];

const ERROR = {
  500: /answered with an error \(HTTP 500\)/,
  503: /answered with an error \(HTTP 503\)/,
  timeout: /took too long to answer/,
  offline: /could not be reached/,
  malformed: /cannot read/,
  shape: /cannot read/,
  empty: /cannot read/,
  huge: /too large to show/,
};

/** Answers `pattern` with `fault` the first `times` times, then lets requests through. The
 * result's `at` is when the fault was last answered. */
async function inject(page, pattern, fault, times = 1) {
  let left = times;
  const faulted = { at: 0 };
  await page.route(pattern, async (route) => {
    if (left-- <= 0) return route.continue();
    faulted.at = Date.now();
    switch (fault) {
      case '500': case '503': return route.fulfill({ status: Number(fault), body: 'broken' });
      case 'timeout': return; // never answered: the client's timer aborts it
      case 'offline': return route.abort('internetdisconnected');
      case 'malformed': return route.fulfill({ status: 200, contentType: 'application/json', body: '{"page": 1, "items": [' });
      case 'shape': return route.fulfill({ status: 200, contentType: 'application/json', body: '{"unexpected": true}' });
      case 'empty': return route.fulfill({ status: 200, contentType: 'application/json', body: '' });
      case 'huge': return route.fulfill({ status: 200, contentType: 'application/json', body: `{"pad":"${'x'.repeat(5 * 1024 * 1024)}"}` });
    }
  });
  return faulted;
}

/** A short client timeout for the test, set in the page as a host would. */
async function shortTimeout(page) {
  await page.route(/\/en\/[^.]*$/, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(/<meta[^>]*\bname="?portal-timeout"?[^>]*>/, '<meta name="portal-timeout" content="1500">');
    await route.fulfill({ response, body: html });
  });
}

for (const fault of Object.keys(ERROR)) {
  test(`${fault}: every data page explains, keeps the app working, and "Try again" recovers`, async () => {
    for (const [path, api] of PAGES) {
      const page = await openPage(site, { allowed: [/status of 50\d/, /ERR_INTERNET_DISCONNECTED|ERR_FAILED/] });
      if (fault === 'timeout') await shortTimeout(page);
      const faulted = await inject(page, api, fault);
      await page.goto(site.url(path));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      // From the answer, not from the page load: how long the app takes to refuse it.
      const waited = Date.now() - faulted.at;
      assert.match(await alert.textContent(), ERROR[fault], `${path}: ${await alert.textContent()}`);
      if (fault === 'huge') assert.ok(waited < 3000, `${path}: the 5 MB answer took ${waited} ms to refuse`);
      assert.ok(await page.getByRole('navigation', { name: 'Main' }).isVisible(), `${path}: the header works`);
      assert.ok(await page.getByRole('link', { name: 'Русский' }).isVisible(), `${path}: the language switch works`);
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForFunction(() => !document.querySelector('[role=alert]') && !document.querySelector('.skeleton'));
      await h1(page);
      await page.done();
    }
  });
}

test('home with the API down: one message and one "Try again", which brings back every section; site.json asked once', async () => {
  const page = await openPage(site, { allowed: [/ERR_INTERNET_DISCONNECTED|ERR_FAILED/] });
  let down = true;
  const asked = [];
  await page.route('**/api/v1/en/**', (route) => {
    asked.push(new URL(route.request().url()).pathname);
    return down ? route.abort('internetdisconnected') : route.continue();
  });
  await page.goto(site.url('/en/'));
  await page.getByRole('alert').waitFor();
  await page.waitForFunction(() => !document.querySelector('.skeleton'));
  assert.equal(await page.getByRole('alert').count(), 1, 'one message');
  assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1, 'one button');
  assert.equal(asked.filter((p) => p.endsWith('/en/site.json')).length, 1, `site.json asked once: ${asked}`);
  down = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => !document.querySelector('[role=alert]') && !document.querySelector('.skeleton'));
  // Every section is back: the news, "New on the portal", the calendar and the questions.
  assert.ok(await page.locator('.home__latest .news-item').count() > 0, 'latest news');
  assert.ok(await page.locator('.announcements li').count() > 0, 'new on the portal');
  // (The calendar's month is asked for once the site's range is there.)
  await page.locator('.home__calendar table').waitFor({ timeout: 5000 });
  assert.ok(await page.locator('.top-questions li').count() > 0, 'top questions');
  await page.done();
});

test('404 of an item is the not-found page; of a list, a clear message', async () => {
  for (const [path, api, heading, text] of [
    ['/en/news/1', '**/api/v1/en/news/1.json', 'Page not found'],
    ['/en/pages/open-government', '**/api/v1/en/pages/open-government.json', 'Page not found'],
    ['/en/news/category/politics', '**/api/v1/en/news/category/politics/page/1.json', 'Politics', 'There is no such news category.'],
    ['/en/faq', '**/api/v1/en/faq.json', 'Frequently asked questions', 'Page not found'],
  ]) {
    const page = await openPage(site, { allowed: [/status of 404/] });
    await page.route(api, (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(site.url(path));
    assert.equal(await h1(page), heading, path);
    if (text) await page.getByText(text).first().waitFor();
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 0, `${path}: retrying a 404 cannot help`);
    await page.done();
  }
});

test('a slow answer (3 s): the skeleton stays, then the content, with one request only', async () => {
  for (const [path, api] of PAGES) {
    const page = await openPage(site);
    let requests = 0;
    await page.route(api, async (route) => {
      requests++;
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    await page.goto(site.url(path));
    await page.waitForTimeout(1000);
    assert.ok(await page.locator('.skeleton').first().isVisible(), `${path}: skeleton while waiting`);
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.waitForFunction(() => !document.querySelector('.skeleton'), null, { timeout: 8000 });
    assert.equal(requests, 1, `${path}: one request`);
    await page.done();
  }
});

test('content holding HTML or script is shown as text and never run; unsafe links are not links', async () => {
  const page = await openPage(site);
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  await page.route('**/api/v1/en/news/1.json', async (route) => {
    const article = await (await route.fetch()).json();
    article.title = `Title ${evil}`;
    article.lead = evil;
    article.byline = evil;
    article.body = [
      { type: 'paragraph', text: evil },
      { type: 'heading', text: evil },
      { type: 'list', items: [evil] },
      { type: 'quote', text: evil, cite: evil },
      { type: 'image', src: 'javascript:window.__pwned=1', alt: evil },
    ];
    await route.fulfill({ json: article });
  });
  await page.route('**/api/v1/en/helplines.json', async (route) => {
    const data = await (await route.fetch()).json();
    Object.assign(data.groups[0].entries[0], { name: evil, website: 'javascript:window.__pwned=1', email: 'x@example.org?body=<b>' });
    await route.fulfill({ json: data });
  });
  await page.goto(site.url('/en/news/1'));
  assert.equal(await h1(page), `Title ${evil}`);
  assert.ok((await page.locator('article').textContent()).includes(evil));
  assert.equal(await page.locator('article img, article script').count(), 0);
  await page.goto(site.url('/en/helplines'));
  await page.getByText(evil).first().waitFor();
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.done();
});
