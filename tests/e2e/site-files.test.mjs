// What crawlers, feed readers and static hosts read from the built site, checked on the files
// (no browser): every internal link of every prerendered page leads to a file a static host
// serves as it is (a page in its folder form: no redirect, no shell standing in); the feeds'
// links lead to pages; the sitemap and robots.txt of a build with an origin, and what a build
// without one leaves out. The test sites: DIST at `/` without an origin, DIST_PORTAL under
// `/portal/` with the origin `http://portal.test` (scripts/test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DIST, DIST_PORTAL } from './harness.mjs';

const SITES = [
  { dir: DIST, base: '/', origin: null },
  { dir: DIST_PORTAL, base: '/portal/', origin: 'http://portal.test' },
];
const LANGUAGES = ['oz', 'uz', 'ru', 'en', 'qr'];

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The prerendered pages of a site: every `index.html` in a folder (not the shell's copies). */
async function pages(site) {
  const found = [];
  for await (const path of files(site.dir)) {
    const rel = relative(site.dir, path);
    if (rel.endsWith('/index.html') && !rel.startsWith('api/')) found.push(rel);
  }
  return found.sort();
}

const unescape = (v) => v.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The `href`s of `<a>` and `<link>` elements, and the `action`s of forms. */
function addresses(html) {
  const out = [];
  const tag = /<(a|link|form)\b([^>]*)>/g;
  for (const [, name, attrs] of html.matchAll(tag)) {
    const attr = name === 'form' ? 'action' : 'href';
    const m = attrs.match(new RegExp(`(?:^|\\s)${attr}=(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`));
    if (m) out.push({ tag: name, attrs, href: unescape(m[1] ?? m[2] ?? m[3]) });
  }
  return out;
}

/**
 * Where `url` (absolute, on the site's host) is served from in `site.dir`, the way a static
 * host serves it: `{ file }`, or `{ problem }` when the host would redirect (a folder without
 * its slash) or fall back to the shell (no file).
 */
function fileOf(site, url) {
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith(site.base)) return { problem: `outside the site's base ${site.base}` };
  const rel = path.slice(site.base.length);
  const target = join(site.dir, rel);
  if (rel === '' || rel.endsWith('/')) {
    const index = join(target, 'index.html');
    return existsSync(index) ? { file: index } : { problem: 'no page at this folder (the shell would stand in)' };
  }
  if (!existsSync(target)) return { problem: 'no such file' };
  if (statSync(target).isDirectory()) return { problem: 'a folder without its slash (a redirect on static hosts)' };
  return { file: target };
}

const host = (site) => site.origin ?? 'http://localhost';

for (const site of SITES) {
  test(`every internal link of every prerendered page in ${site.dir} is a file, with no redirect`, async () => {
    const list = await pages(site);
    assert.ok(list.length > 300, `${list.length} pages`);
    const problems = [];
    const htmlOf = new Map();
    const read = async (file) => {
      if (!htmlOf.has(file)) htmlOf.set(file, await readFile(file, 'utf8'));
      return htmlOf.get(file);
    };
    let checked = 0;
    for (const rel of list) {
      const pageUrl = new URL(`${site.base}${rel.replace(/index\.html$/, '')}`, host(site));
      const html = await read(join(site.dir, rel));
      // Relative addresses resolve against the page's <base href> (the site's base).
      const baseHref = html.match(/<base href=("?)([^\s">]+)\1/)?.[2];
      const baseUrl = baseHref ? new URL(baseHref, pageUrl) : pageUrl;
      for (const { tag, attrs, href } of addresses(html)) {
        if (/^(mailto|tel|data|javascript):/.test(href)) continue;
        // The <noscript> links the loader adds after the first paint (icon, manifest) count too.
        const url = new URL(href, baseUrl);
        if (url.origin !== pageUrl.origin) continue;
        const where = fileOf(site, url);
        checked += 1;
        if (where.problem) {
          problems.push(`${rel}: <${tag}${attrs.slice(0, 60)}…> ${href}: ${where.problem}`);
          continue;
        }
        if (url.hash && where.file.endsWith('.html')) {
          const id = decodeURIComponent(url.hash.slice(1));
          const target = await read(where.file);
          if (!target.includes(`id="${id}"`) && !target.includes(`id=${id}>`) && !target.includes(`id=${id} `)) {
            problems.push(`${rel}: ${href}: no element with id "${id}" there`);
          }
        }
        // The skip link moves to the content of the page itself: it must not load another address.
        const samePage = url.pathname === pageUrl.pathname && url.search === '' && url.hash === '#main';
        if (/skip-link/.test(attrs) && !samePage) {
          problems.push(`${rel}: the skip link ${href} leads to another address than the page's own`);
        }
      }
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} of ${checked} links`);
    console.log(`# ${checked} links of ${list.length} pages resolve to files with no redirect`);
  });

  test(`the Atom feeds of ${site.dir} link to pages that exist, ${site.origin ? 'absolutely' : 'through xml:base'}`, async () => {
    let entries = 0;
    const problems = [];
    for await (const path of files(join(site.dir, 'api/v1'))) {
      if (!path.endsWith('.atom')) continue;
      const rel = relative(site.dir, path);
      const feedUrl = new URL(`${site.base}${rel}`, host(site));
      const xml = await readFile(path, 'utf8');
      const base = xml.match(/<feed [^>]*xml:base="([^"]*)"/)?.[1];
      if (site.origin) assert.equal(base, undefined, `${rel}: absolute links need no xml:base`);
      const resolveAgainst = base === undefined ? feedUrl : new URL(base, feedUrl);
      for (const [, href] of xml.matchAll(/<link rel="alternate" type="text\/html" href="([^"]*)"\/>/g)) {
        if (site.origin) assert.ok(href.startsWith(`${site.origin}${site.base}`), `${rel}: ${href}`);
        const where = fileOf(site, new URL(unescape(href), resolveAgainst));
        if (where.problem) problems.push(`${rel}: ${href}: ${where.problem}`);
        entries += 1;
      }
      const ids = [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]);
      for (const id of ids) {
        if (site.origin) assert.ok(id.startsWith(`${site.origin}${site.base}`) && id.endsWith('/'), `${rel}: ${id}`);
        else assert.match(id, /^urn:portal:/, rel);
      }
    }
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} of ${entries} links`);
    assert.ok(entries > 300, `${entries} links`);
    console.log(`# ${entries} links of the feeds lead to pages`);
  });
}

test('a build without an origin has no sitemap, and robots.txt names none', async () => {
  const site = SITES[0];
  assert.equal(existsSync(join(site.dir, 'sitemap.xml')), false);
  assert.equal(existsSync(join(site.dir, 'api/v1/sitemap.xml')), false);
  const robots = await readFile(join(site.dir, 'robots.txt'), 'utf8');
  assert.match(robots, /^Disallow: \/api\/$/m);
  assert.doesNotMatch(robots, /Sitemap:/i);
});

test('the sitemap lists every page once, absolutely, with its languages, and nothing else', async () => {
  const site = SITES[1];
  const xml = await readFile(join(site.dir, 'sitemap.xml'), 'utf8');
  assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
  const urls = [...xml.matchAll(/<url><loc>([^<]*)<\/loc>(.*?)<\/url>/g)];
  const listed = new Set();
  for (const [, loc, rest] of urls) {
    assert.ok(loc.startsWith(`${site.origin}${site.base}`), loc);
    const where = fileOf(site, new URL(loc));
    assert.equal(where.problem, undefined, `${loc}: ${where.problem}`);
    assert.ok(!listed.has(loc), `${loc} twice`);
    listed.add(loc);
    const alternates = [...rest.matchAll(/<xhtml:link rel="alternate" hreflang="([^"]*)" href="([^"]*)"\/>/g)];
    assert.ok(alternates.some(([, , href]) => href === loc), `${loc} names itself among its languages`);
    for (const [, , href] of alternates) assert.equal(fileOf(site, new URL(href)).problem, undefined, href);
  }
  const list = await pages(site);
  const unlisted = list
    .map((rel) => `${site.origin}${site.base}${rel.replace(/index\.html$/, '')}`)
    .filter((loc) => !listed.has(loc) && !/\/search\/$/.test(loc));
  assert.deepEqual(unlisted, [], 'every prerendered page is listed');
  console.log(`# the sitemap lists ${listed.size} pages`);
});

test('robots.txt names the sitemap and means the same to RFC 9309 (protego) and first-match (urllib.robotparser) readers', async () => {
  const site = SITES[1];
  const robots = await readFile(join(site.dir, 'robots.txt'), 'utf8');
  assert.match(robots, new RegExp(`^Sitemap: ${site.origin}${site.base}sitemap.xml$`, 'm'));
  const origin = site.origin;
  const pageUrls = (await pages(site)).map((rel) => `${origin}${site.base}${rel.replace(/index\.html$/, '')}`);
  const apiUrls = [];
  for await (const path of files(join(site.dir, 'api/v1'))) apiUrls.push(`${origin}${site.base}${relative(site.dir, path)}`);
  const others = ['', 'sitemap.xml', 'robots.txt', 'manifest.webmanifest', 'en/news/?date=2017-11-01', 'en/search/?q=x']
    .map((p) => `${origin}${site.base}${p}`);
  const urls = [...pageUrls, ...apiUrls, ...others];
  const script = `
import json, sys, urllib.robotparser
from protego import Protego
text, urls = sys.stdin.read().split("\\0", 1)
rfc = Protego.parse(text)
first = urllib.robotparser.RobotFileParser()
first.parse(text.splitlines())
print(json.dumps([[rfc.can_fetch(u, "Googlebot"), first.can_fetch("Googlebot", u)] for u in json.loads(urls)]))
print(json.dumps([rfc.sitemaps and list(rfc.sitemaps), first.site_maps()]))
`;
  const out = execFileSync('python3', ['-c', script], { input: `${robots}\0${JSON.stringify(urls)}` }).toString().trim().split('\n');
  const decisions = JSON.parse(out[0]);
  const [rfcMaps, firstMaps] = JSON.parse(out[1]);
  const disagree = urls.filter((u, i) => decisions[i][0] !== decisions[i][1]);
  assert.deepEqual(disagree, [], 'the two readers disagree');
  const allowed = (u) => decisions[urls.indexOf(u)][0];
  assert.ok(pageUrls.every(allowed) && others.every(allowed), 'pages, the sitemap and the site files may be crawled');
  assert.ok(!apiUrls.some(allowed), 'the API is data for the app, not pages');
  assert.deepEqual(rfcMaps, [`${origin}${site.base}sitemap.xml`]);
  assert.deepEqual(firstMaps, rfcMaps);
  console.log(`# ${urls.length} addresses read alike by protego and urllib.robotparser`);
});

test('every language has its pages in both test sites', async () => {
  for (const site of SITES) {
    for (const lang of LANGUAGES) {
      for (const page of ['', 'news/', 'news/1/', 'faq/', 'helplines/', 'agencies/', 'pages/open-government/']) {
        assert.ok(existsSync(join(site.dir, lang, page, 'index.html')), `${site.dir}/${lang}/${page}`);
      }
    }
  }
});
