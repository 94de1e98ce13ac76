// Prerendered pages: content in the first HTML, taken over by the app without re-rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1 } from './harness.mjs';

const site = useSite();

/** The raw HTML of `path`, as a crawler or a reader without JavaScript gets it. */
async function raw(path) {
  const res = await fetch(site.url(path));
  assert.equal(res.status, 200, path);
  return res.text();
}

test('the raw HTML of each route type holds its heading and content in its language', async () => {
  const cases = [
    ['/en/', 'lang="en"', '<h1 class="visually-hidden">The Government portal of the Republic of Uzbekistan</h1>', 'Latest news'],
    ['/ru/news', 'lang="ru"', '<h1>Новости</h1>', 'Страница 1 из 5'],
    ['/en/news/1', 'lang="en"', 'Uzbekistan–Kazakhstan: dedicated to the 25th anniversary', 'Following the conference, a joint communiqué was adopted.'],
    ['/uz/news/1', 'lang="uz-Cyrl"', '1 ноябр 2017', 'Ҳали таржима қилинмаган'],
    ['/qr/', 'lang="kaa"', 'Ózbekstan Respublikası Húkimet portalı', 'Portalda jańa'],
    ['/ru/faq', 'lang="ru"', '<h1>Часто задаваемые вопросы</h1>', '<details'],
    ['/oz/helplines', 'lang="uz-Latn"', 'Vazirlik va idoralarning ishonch telefonlari', 'href="tel:+998'],
  ];
  for (const [path, lang, heading, content] of cases) {
    const html = await raw(path);
    assert.ok(html.includes(`<html ${lang}`) || html.includes(`<html${' '}${lang}`) || new RegExp(`<html[^>]*${lang}`).test(html), `${path}: ${lang}`);
    assert.ok(html.includes(heading), `${path}: ${heading}`);
    assert.ok(html.includes(content), `${path}: ${content}`);
    assert.match(html, /<title>[^<]+ – |<title>[^<]+<\/title>/, path);
    assert.match(html, /<link[^>]+rel="alternate"[^>]+hreflang=|hreflang="uz-Latn"/, path);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self' 'wasm-unsafe-eval' 'sha256-/, path);
    assert.doesNotMatch(html, /unsafe-inline/, path);
    assert.equal(html.match(/<meta name="description"/g)?.length, 1, `${path}: one description`);
  }
});

test('an article is described by its lead', async () => {
  const html = await raw('/en/news/1');
  assert.match(html, /<meta name="description" content="On October 31, 2017, an international conference/);
});

test('deep links without a trailing slash and with one both serve the page', async () => {
  for (const path of ['/en/news/1', '/en/news/1/', '/ru/news', '/ru/news/']) {
    const page = await openPage(site);
    await page.goto(site.url(path));
    assert.ok((await h1(page)).length > 0, path);
    await page.done();
  }
});

/** Counts the elements removed from the page and keeps its first h1, from the first byte on. */
const WATCH_NODES = () => {
  window.__removed = 0;
  new MutationObserver((records) => {
    for (const r of records) window.__removed += [...r.removedNodes].filter((n) => n.nodeType === 1).length;
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => { window.__h1 = document.querySelector('h1'); });
};

test('parts hydrated in tasks of their own (header, footer, home sections, feed) keep their nodes, read their data from the page and work', async () => {
  for (const path of ['/en/', '/en/news', '/ru/news/category/politics']) {
    const page = await openPage(site);
    const warnings = [];
    const api = [];
    page.on('console', (m) => m.type() === 'warning' && /hydrat/i.test(m.text()) && warnings.push(m.text()));
    page.on('request', (r) => r.url().includes('/api/') && api.push(r.url()));
    await page.addInitScript(WATCH_NODES);
    await page.goto(site.url(path), { waitUntil: 'networkidle' });
    assert.equal(await page.evaluate(() => window.__h1 === document.querySelector('h1')), true, `${path}: same h1 node`);
    assert.equal(await page.evaluate(() => window.__removed), 0, `${path}: no element replaced`);
    assert.deepEqual(api, [], `${path}: no API request`);
    assert.deepEqual(warnings, [], path);
    // The header's controls are live: the display settings open.
    const settings = page.locator('.site-header button[aria-expanded]').first();
    await settings.click();
    assert.equal(await settings.getAttribute('aria-expanded'), 'true', `${path}: settings open`);
    await page.done();
  }
});

test('hydration keeps every prerendered node, then the app navigates on the client', async () => {
  const page = await openPage(site);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && /hydrat/i.test(m.text()) && warnings.push(m.text()));
  await page.addInitScript(WATCH_NODES);
  await page.goto(site.url('/en/news/1'), { waitUntil: 'networkidle' });
  // The app is live: its click handlers work and its navigation stays in the page.
  await page.evaluate(() => { window.__noReload = true; });
  assert.equal(await page.evaluate(() => window.__h1 === document.querySelector('h1')), true, 'same h1 node');
  assert.equal(await page.evaluate(() => window.__removed), 0, 'no element replaced');
  await page.locator('.article__meta a').click();
  await page.waitForURL(/category\/politics\/$/);
  assert.equal(await h1(page), 'Politics');
  assert.equal(await page.evaluate(() => window.__noReload), true);
  assert.deepEqual(warnings, []);
  await page.done();
});

test('an address that was not prerendered still renders, from the SPA shell', async () => {
  for (const [path, heading] of [['/en/news?date=2017-08-07', 'News of 7 August 2017'], ['/ru/news/page/2?from=mail', 'Новости'], ['/en/nope', 'Page not found']]) {
    const page = await openPage(site);
    await page.goto(site.url(path));
    await page.waitForFunction(() => !document.querySelector('.skeleton'));
    assert.equal(await h1(page), heading, path);
    await page.done();
  }
});

test('the SPA shell is shipped for static hosts', async () => {
  const shell = await raw('/200.html');
  assert.ok(shell.includes('id=static-shell'));
  assert.doesNotMatch(shell, /portal-prerendered/);
  // Pages under a language get the shell; a missing API file stays a 404 (Netlify, Cloudflare).
  const rules = (await raw('/_redirects')).trim().split('\n');
  assert.equal(rules[0], '/api/*  /404.html  404');
  assert.deepEqual(rules.slice(1), ['oz', 'uz', 'ru', 'en', 'qr'].map((l) => `/${l}/*  /200.html  200`));
});

test('the page and the manifest name the same icon, linked once the page has painted', async () => {
  const html = await raw('/en/news/1');
  // Until the first paint, an empty icon holds the place of the real one, which waits in a
  // <noscript> with the manifest (src/bin/prerender.rs), read as links without scripts.
  assert.match(html, /<link href=data:, rel=icon>/);
  const later = html.match(/<noscript id=after-first-paint>(.*?)<\/noscript>/)?.[1] ?? '';
  const href = later.match(/<link[^>]*href=([^ >]+)[^>]*rel=icon>/)?.[1];
  assert.ok(href && /rel=manifest>/.test(later), `links after the first paint: ${later}`);
  const manifest = JSON.parse(await raw('/manifest.webmanifest'));
  // Both relative: the page's to its <base> (the site's root), the manifest's to the manifest.
  assert.deepEqual(
    manifest.icons.map((i) => new URL(i.src, site.url('/manifest.webmanifest')).href),
    [new URL(href, site.url('/')).href],
  );
  // Once the app has started, the real icon and the manifest are linked, and nothing else.
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'));
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('link[rel=icon], link[rel=manifest]')]
      .map((l) => `${l.rel} ${l.href}`)),
    [`icon ${new URL(href, site.url('/')).href}`, `manifest ${site.url('/manifest.webmanifest')}`],
  );
  await page.done();
});

test('the wasm is fetched after the prerendered content has painted', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/1'), { waitUntil: 'networkidle' });
  const [paint, wasm] = await page.evaluate(() => [
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.fetchStart,
  ]);
  assert.ok(paint > 0 && wasm > 0, `paint ${paint}, wasm ${wasm}`);
  // The loader waits for the browser's first-contentful-paint entry, so the fetch starts after
  // the paint's presentation time (two animation frames were not enough: up to a frame early).
  assert.ok(wasm >= paint, `wasm fetch started at ${wasm} ms, before the first paint at ${paint} ms`);
  // The feed pages and category feeds are files of their own.
  for (const path of ['/en/news/page/2', '/ru/news/category/sport']) {
    const html = await raw(path);
    assert.match(html, new RegExp(`content="${path}"`), path);
  }
  await page.done();
});
