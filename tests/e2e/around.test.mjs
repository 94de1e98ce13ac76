// Everything around the content: breadcrumbs, dates, share links, copy link, print, and the
// "Is this page useful?" / "Report a problem" form with its endpoint, e-mail and error states.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();
// The SPA shell, so that a test can set the feedback endpoint in the page's HTML as a host would.
const spa = useSite({ spa: true });

const crumbs = (page) =>
  page.getByRole('navigation', { name: /^(Breadcrumb|Навигационная цепочка)$/ }).locator('li').allTextContents();

test('breadcrumbs follow the route, the current page is marked and not a link', async () => {
  const page = await openPage(site, { allowed: [/status of 404/] });
  for (const [path, expected] of [
    ['/en/news/1', ['Home', 'News', 'Politics', /^Uzbekistan–Kazakhstan/]],
    ['/en/news', ['Home', 'News']],
    ['/en/news/category/sport', ['Home', 'News', 'Sport']],
    ['/en/news?date=2017-11-01', ['Home', 'News', 'News of 1 November 2017']],
    ['/en/faq', ['Home', 'Frequently asked questions']],
    ['/en/helplines', ['Home', 'Helplines of ministries and agencies']],
    ['/en/agencies', ['Home', 'Government agencies']],
    ['/en/pages/open-government', ['Home', 'Open Government']],
    ['/ru/news/1', ['Главная', 'Новости', 'Политика', /Kazakhstan|Казахстан/]],
  ]) {
    await page.goto(site.url(path));
    await h1(page);
    const got = (await crumbs(page)).map((t) => t.trim());
    assert.equal(got.length, expected.length, `${path}: ${got}`);
    expected.forEach((e, i) => (e instanceof RegExp ? assert.match(got[i], e, path) : assert.equal(got[i], e, path)));
    const current = page.getByRole('navigation', { name: /Breadcrumb|Навигационная/ }).locator('[aria-current=page]');
    assert.equal(await current.locator('a').count(), 0);
    assert.equal(await page.getByRole('navigation', { name: /Breadcrumb|Навигационная/ }).getByRole('link').first().getAttribute('href'), path.startsWith('/ru') ? '/ru/' : '/en/');
  }
  await page.done();
});

test('share links are plain links with the page address and a Cyrillic title encoded', async () => {
  const page = await openPage(site);
  // Opened without its slash, shared in the one form of its address.
  await page.goto(site.url('/ru/news/1'));
  const title = await h1(page);
  const url = site.url('/ru/news/1/');
  const share = page.getByRole('region', { name: 'Поделиться страницей' });
  const href = (name) => share.getByRole('link', { name }).getAttribute('href');
  const enc = encodeURIComponent;
  assert.equal(await href(/Электронная почта/), `mailto:?subject=${enc(title)}&body=${enc(url)}`);
  assert.equal(await href(/Telegram/), `https://t.me/share/url?url=${enc(url)}&text=${enc(title)}`);
  assert.equal(await href(/Facebook/), `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`);
  assert.equal(await href(/^X/), `https://x.com/intent/post?url=${enc(url)}&text=${enc(title)}`);
  // No request to another origin was made by the page itself.
  const foreign = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => !n.startsWith(location.origin)));
  assert.deepEqual(foreign, []);
  await page.done();
});

test('share links carry the full address from the first paint, before the app starts', async () => {
  // The test site is built without an origin: the page's inline script gives the links this one.
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1/'), { beforeApp: true, waitUntil: 'domcontentloaded' });
  const href = await page.locator('a.page-actions__share[href^="https://t.me/"]').getAttribute('href');
  assert.ok(href.includes(`url=${encodeURIComponent(site.url('/en/news/1/'))}&`), href);
  await page.done();
});

test('copy link puts the address on the clipboard and says so to screen readers', async () => {
  const page = await openPage(site);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  await page.goto(site.url('/en/faq'));
  await h1(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied to the clipboard.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), site.url('/en/faq/'));
  await page.done();
});

test('print: navigation and widgets hidden, link addresses shown, dates kept', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'));
  await h1(page);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.main-nav', '.site-footer', '.page-actions', '.feedback', '.breadcrumbs', '.display-toggle', '.language-switcher', '.search-form', '.site-menu']) {
    assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
  }
  assert.equal(await page.getByRole('button', { name: 'Search' }).isVisible(), false, 'no Search button on paper');
  assert.ok(await page.locator('article time').first().isVisible(), 'the date is printed');
  // The browser fires `beforeprint` when printing; emulating print media does not.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const link = page.locator('.article__meta a');
  assert.equal(await link.getAttribute('data-print-href'), site.url('/en/news/category/politics/'));
  assert.match(await link.evaluate((a) => getComputedStyle(a, '::after').content), /\/en\/news\/category\/politics\//);
  // The page's own address is printed under the header.
  const address = page.locator('.print-address');
  assert.equal(await address.isVisible(), true);
  assert.equal(await address.textContent(), 'Address of this page:');
  assert.equal(await address.evaluate((p) => getComputedStyle(p, '::after').content), `" ${page.url()}"`);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await address.isVisible(), false, 'only on paper');
  await page.done();
});

/** Serves `path` with the feedback endpoint set in its HTML, as a host would configure it. */
async function withEndpoint(page, path) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<meta[^>]*\bname="?portal-feedback"?(?=[\s>])[^>]*>/, '<meta name="portal-feedback" content="/feedback">');
    assert.ok(html.includes('content="/feedback"'), 'the endpoint is set');
    await route.fulfill({ response, body: html });
  });
}

test('the report form validates, limits length, and sends JSON to the endpoint', async () => {
  const page = await openPage(spa);
  await withEndpoint(page, '/en/news/1');
  const sent = [];
  await page.route('**/feedback', (route) => {
    sent.push(route.request().postDataJSON());
    route.fulfill({ status: 204 });
  });
  await page.goto(spa.url('/en/news/1'));
  await h1(page);
  await page.getByRole('button', { name: 'Report a problem with this page' }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Tell us what you were doing or what went wrong.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'feedback-errors');

  const wrong = page.getByLabel('What went wrong?');
  assert.equal(await wrong.getAttribute('maxlength'), '1000');
  await wrong.fill('x'.repeat(1200));
  assert.equal((await wrong.inputValue()).length, 1000, 'typing stops at the limit');
  await page.getByText('0 characters left', { exact: true }).waitFor();
  await wrong.fill('<img src=x onerror=alert(1)> the date is wrong');
  await page.getByLabel('What were you doing?').fill('Reading the article');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
  assert.deepEqual(sent, [{
    page: spa.url('/en/news/1/'), lang: 'en', doing: 'Reading the article', wrong: '<img src=x onerror=alert(1)> the date is wrong',
  }]);
  assert.equal(await page.locator('.feedback img').count(), 0);
  await page.done();
});

test('"Yes" sends a vote; a failing endpoint shows the error and keeps the text', async () => {
  const page = await openPage(spa, { allowed: [/status of 503/] });
  await withEndpoint(page, '/en/faq');
  const sent = [];
  let fail = true;
  await page.route('**/feedback', (route) => {
    sent.push(route.request().postDataJSON());
    route.fulfill({ status: fail ? 503 : 204 });
  });
  await page.goto(spa.url('/en/faq'));
  await h1(page);
  await page.getByRole('button', { name: 'No', exact: true }).click();
  await page.getByLabel('What went wrong?').fill('An answer is out of date');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'Your report could not be sent.' }).waitFor();
  assert.equal(await page.getByLabel('What went wrong?').inputValue(), 'An answer is out of date');
  fail = false;
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
  assert.equal(sent.length, 2);

  const again = await openPage(spa);
  await withEndpoint(again, '/en/agencies');
  const votes = [];
  await again.route('**/feedback', (route) => { votes.push(route.request().postDataJSON()); route.fulfill({ status: 204 }); });
  await again.goto(spa.url('/en/agencies'));
  await h1(again);
  await again.getByRole('button', { name: 'Yes', exact: true }).click();
  await again.getByRole('status').filter({ hasText: 'Thank you for your feedback.' }).waitFor();
  await again.waitForFunction(() => true);
  assert.equal(votes[0]?.useful, true);
  await again.done();
  await page.done();
});

test('a default build offers no report form and names no made-up address', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/ru/pages/open-government/'));
  await h1(page);
  assert.equal(await page.locator('.feedback').count(), 0);
  assert.ok(!(await page.content()).includes('example.org'));
  await page.done();
});

/** Serves `path` with a feedback address set in its HTML, as a host would configure it. */
async function withAddress(page, path, address) {
  await page.route(`**${path}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace(/<meta[^>]*\bname="?portal-feedback-email"?(?=[\s>])[^>]*>/, `<meta name="portal-feedback-email" content="${address}">`);
    assert.ok(html.includes(`content="${address}"`), 'the address is set');
    await route.fulfill({ response, body: html });
  });
}

test('with an address and no endpoint the report is an e-mail, and the page says what happened', async () => {
  const page = await openPage(spa);
  const path = '/ru/pages/open-government/';
  await withAddress(page, path, 'otzyv@portal.test');
  await page.goto(spa.url(path));
  await h1(page);
  // No vote that could not be sent: only the report.
  assert.equal(await page.locator('.feedback button').count(), 1);
  const mail = page.locator('.feedback a[href^="mailto:"]');
  const href = await mail.getAttribute('href');
  assert.ok(href.startsWith('mailto:otzyv@portal.test?subject='), href);
  assert.ok(href.includes(encodeURIComponent(spa.url(path))), href);
  await page.getByRole('button', { name: 'Сообщить о проблеме на этой странице' }).click();
  await page.getByLabel('Что пошло не так?').fill('Опечатка');
  assert.ok((await mail.getAttribute('href')).includes(encodeURIComponent('Опечатка')));
  await page.getByRole('button', { name: 'Отправить по электронной почте' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Должна была открыться ваша почтовая программа' });
  await status.waitFor();
  assert.equal((await status.locator('a[href^="mailto:otzyv@portal.test?"]').textContent()).trim(), 'otzyv@portal.test');
  assert.equal(await page.getByText('Спасибо за отзыв.').count(), 0, 'nothing was sent, so no thanks');
  await page.done();
});
