// Deep links to every route, redirects, not-found and bad addresses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();
const SEED_TITLE = 'Uzbekistan–Kazakhstan: dedicated to the 25th anniversary of establishment of diplomatic relations';

test('/ redirects to the English home page', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/'));
  await page.waitForURL(/\/en\/$/);
  assert.equal(await h1(page), 'The Government portal of the Republic of Uzbekistan');
  await page.locator('.news-list li').first().waitFor();
  assert.equal(await page.locator('.home__latest .news-list li').count(), 5);
  assert.equal(await page.locator('.announcements li').count(), 5);
  await page.locator('.top-questions li').first().waitFor();
  assert.equal(await page.locator('.top-questions li').count(), 5);
  assert.match(await page.locator('.top-questions a').first().getAttribute('href'), /^\/en\/faq\/#[a-z0-9-]+$/);
  assert.equal(await page.title(), 'Government portal of Uzbekistan');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.done();
});

test('deep links render their page with a title', async () => {
  const cases = [
    ['/en/news', 'News', /^News – Page 1 of \d+ – Government portal of Uzbekistan$/],
    ['/en/news/page/2', 'News', /^News – Page 2 of \d+ – /],
    ['/en/news/category/politics', 'Politics', /^Politics/],
    ['/en/news/1', SEED_TITLE, new RegExp(`^${SEED_TITLE} – `)],
    ['/en', 'The Government portal of the Republic of Uzbekistan', /^Government portal of Uzbekistan$/],
  ];
  for (const [path, heading, title] of cases) {
    const page = await openPage(site);
    await page.goto(site.url(path));
    assert.equal(await h1(page), heading, path);
    await page.waitForFunction(() => !document.querySelector('.skeleton'));
    assert.match(await page.title(), title, path);
    await page.done();
  }
});

test('the seed article is complete, dated, categorised and attributed', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'));
  assert.equal(await h1(page), SEED_TITLE);
  assert.equal(await page.getAttribute('article time', 'datetime'), '2017-11-01');
  assert.equal(await page.locator('article time').first().textContent(), '1 November 2017');
  assert.equal(await page.locator('.article__meta a').textContent(), 'Politics');
  const body = await page.locator('.article-body').textContent();
  assert.ok(body.includes('On October 31, 2017, an international conference'));
  assert.ok(body.includes('Following the conference, a joint communiqué was adopted.'));
  assert.equal(await page.locator('.article__byline').textContent(), 'Author: Ulugbek Shonazarov, UzA');
  assert.equal(await page.locator('article .sample-tag').count(), 0, 'the real article is not tagged sample');
  assert.ok(await page.locator('.article__related li').count() > 0, 'more in this category');
  await page.done();
});

test('an untranslated item names its language in the reader\'s language', async () => {
  for (const [code, name] of [['oz', 'ingliz tili'], ['uz', 'инглиз тили'], ['ru', 'английский'], ['qr', 'inglis tili']]) {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/news/`));
    await h1(page);
    const notice = (await page.locator('.translation-notice').first().textContent()).trim();
    assert.ok(notice.endsWith(`: ${name}`), `${code}: ${notice}`);
    await page.done();
  }
});

test('sample articles carry a visible sample tag', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/2'));
  await h1(page);
  assert.equal(await page.locator('article .sample-tag').textContent(), 'Sample content');
  await page.done();
});

test('an unknown language shows the not-found page offering the five languages', async () => {
  for (const path of ['/xx/news', '/xx/', '/EN/news/1', '/de']) {
    const page = await openPage(site);
    await page.goto(site.url(path));
    assert.equal(await h1(page), 'Page not found', path);
    const links = page.locator('.not-found__languages a');
    assert.deepEqual(await links.allTextContents(), ['O‘zbekcha', 'Ўзбекча', 'Русский', 'English', 'Qaraqalpaqsha']);
    assert.deepEqual(
      await links.evaluateAll((as) => as.map((a) => `${a.getAttribute('href')} ${a.lang}`)),
      ['/oz/ uz-Latn', '/uz/ uz-Cyrl', '/ru/ ru', '/en/ en', '/qr/ kaa'],
    );
    await page.done();
  }
});

test('unknown paths and ids show the not-found page', async () => {
  for (const path of ['/en/nothing-here', '/en/news/abc', '/en/news/0', '/en/news/99999', '/en/news/1/extra', '/en/news/12345678901234567890']) {
    const page = await openPage(site, { allowed: [/status of 404/] });
    await page.goto(site.url(path));
    assert.equal(await h1(page), 'Page not found', path);
    assert.match(await page.title(), /^Page not found – /, path);
    const home = page.getByRole('link', { name: 'Go to the home page' });
    assert.equal(await home.getAttribute('href'), '/en/');
    await page.done();
  }
});

test('bad feed addresses get a clear message, never a blank page', async () => {
  const cases = [
    ['/en/news/page/abc', 'The page number in the web address is not valid.'],
    ['/en/news/page/0', 'The page number in the web address is not valid.'],
    ['/en/news/page/-1', 'The page number in the web address is not valid.'],
    ['/en/news/page/99999', 'This page of the news does not exist.'],
    ['/en/news/page/99999999999999999999', 'The page number in the web address is not valid.'],
    ['/en/news/category/unknown', 'There is no such news category.'],
    ['/en/news/category/unknown/page/2', 'This page of the news does not exist.'],
    ['/en/news/category/%3Cscript%3E', 'There is no such news category.'],
    ['/en/news/category/%2e%2e%2fsite', 'There is no such news category.'],
  ];
  for (const [path, text] of cases) {
    const page = await openPage(site, { allowed: [/status of 404/] });
    await page.goto(site.url(path));
    assert.equal(await h1(page), 'News', path);
    await page.getByText(text).waitFor();
    const first = page.getByRole('link', { name: 'Go to the first page of news' });
    assert.equal(await first.getAttribute('href'), '/en/news/', path);
    await page.done();
  }
});

test('static-host files are shipped', async () => {
  for (const [path, type] of [
    ['/robots.txt', /text\/plain/],
    ['/manifest.webmanifest', /manifest\+json/],
    ['/favicon.ico', /icon/],
    ['/404.html', /text\/html/],
    ['/_redirects', /octet-stream/],
  ]) {
    const res = await fetch(site.url(path));
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get('content-type'), type, path);
  }
  const redirects = await (await fetch(site.url('/_redirects'))).text();
  assert.match(redirects, /^\/en\/\*  \/200\.html  200$/m);
  const manifest = await (await fetch(site.url('/manifest.webmanifest'))).json();
  assert.equal(manifest.start_url, './');
});
