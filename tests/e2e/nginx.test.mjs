// The README's nginx recipe, run for real: Debian's nginx (with brotli_static) serves the test
// site with the recipe's block exactly as the README has it (read from there, after its
// `<!-- nginx-recipe -->` marker), on a free port, with its own prefix, pid and logs in a
// temporary folder. Checked: deep links in every language, 404 for a missing API file and a
// missing image, brotli and gzip with `Vary`, cache headers, types, and that the app takes over
// without console errors. scripts/setup installs nginx (PORTAL_SETUP_DEPLOY_CHECKS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, DIST, openPage, h1 } from './harness.mjs';

const NGINX = '/usr/sbin/nginx';
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const LANGUAGES = ['oz', 'uz', 'ru', 'en', 'qr'];
const LANG_TAGS = { oz: 'uz-Latn', uz: 'uz-Cyrl', ru: 'ru', en: 'en', qr: 'kaa' };

/** The recipe: the fenced block after the README's marker. */
export function recipe(readme) {
  const m = readme.match(/<!-- nginx-recipe -->\n```nginx\n([\s\S]*?)\n```/);
  assert.ok(m, 'README has the nginx recipe after <!-- nginx-recipe -->');
  return m[1];
}

const freePort = () => new Promise((done, fail) => {
  const s = net.createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => done(port));
  });
});

/** GET with the given headers; the body as it came (not decoded). */
const get = (port, path, headers = {}) => new Promise((done, fail) => {
  http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail);
});

const decode = (r) => {
  const enc = r.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(r.body).toString();
  if (enc === 'gzip') return zlib.gunzipSync(r.body).toString();
  return r.body.toString();
};

const site = { browser: null };
let nginx;
let dir;
let port;

before(async () => {
  assert.ok(existsSync(NGINX) && existsSync(BROTLI),
    'Debian nginx with brotli_static: PORTAL_SETUP_DEPLOY_CHECKS=1 scripts/setup installs them');
  dir = mkdtempSync(join(tmpdir(), 'portal-nginx-'));
  port = await freePort();
  copyFileSync('/etc/nginx/mime.types', join(dir, 'mime.types'));
  // As root, nginx's workers would read the site as `nobody`, who cannot enter a checkout in a
  // private folder (a clone under `mktemp -d`): they read it as the tests' user.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const conf = `${user}daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
load_module ${BROTLI};
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${resolve(DIST)};
${recipe(readFileSync('README.md', 'utf8'))}
  }
}
`;
  writeFileSync(join(dir, 'nginx.conf'), conf);
  nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: 'inherit' });
  const exited = new Promise((done) => nginx.once('exit', (code) => done(code)));
  const deadline = Date.now() + 10000;
  for (;;) {
    const up = await get(port, '/').then(() => true, () => false);
    if (up) break;
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 100))]);
    assert.equal(code, undefined, `nginx exited: ${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
    assert.ok(Date.now() < deadline, 'nginx did not start');
  }
  site.url = (path) => `http://127.0.0.1:${port}${path}`;
  site.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await site.browser?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((done) => nginx.once('exit', done));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('nginx: every language deep link is its prerendered page, with and without the slash, no redirect', async () => {
  for (const lang of LANGUAGES) {
    for (const path of [`/${lang}/`, `/${lang}/news/`, `/${lang}/news/1/`, `/${lang}/news/1`, `/${lang}/faq/`,
      `/${lang}/news/category/politics/`, `/${lang}/pages/open-government/`]) {
      const r = await get(port, path, { 'accept-encoding': 'br' });
      assert.equal(r.status, 200, path);
      assert.match(r.headers['content-type'], /^text\/html/, path);
      assert.equal(r.headers['cache-control'], 'no-cache', path);
      const html = decode(r);
      const app = path.replace(/\/$/, '') || '/';
      assert.ok(html.includes(`name="portal-prerendered" content="${app}"`), `${path}: its own page`);
      assert.match(html, new RegExp(`<html[^>]* lang="${LANG_TAGS[lang]}"`), path);
    }
  }
  // A route without a page of its own (an article published after the build) gets the app's shell.
  const shell = await get(port, '/en/news/9999/');
  assert.equal(shell.status, 200);
  assert.ok(decode(shell).includes('id="static-shell"') || decode(shell).includes('id=static-shell'));
});

test('nginx: a missing API file, image or script is a 404, not the shell', async () => {
  for (const path of ['/api/v1/en/news/9999.json', '/api/v1/en/nothing.json', '/missing.png', '/images/x.png', '/portal-0000000000000000.js']) {
    const r = await get(port, path);
    assert.equal(r.status, 404, path);
    assert.ok(!r.body.toString().includes('static-shell'), `${path}: not the shell`);
  }
  const ok = await get(port, '/api/v1/en/news/1.json');
  assert.equal(ok.status, 200);
  assert.match(ok.headers['content-type'], /^application\/json/);
  assert.equal(ok.headers['cache-control'], 'no-cache');
});

test('nginx: brotli and gzip with Vary, immutable hashed files, the right types', async () => {
  const names = readdirSync(DIST);
  const wasm = names.find((n) => /^portal-[0-9a-f]+_bg\.wasm$/.test(n));
  const js = names.find((n) => /^portal-[0-9a-f]+\.js$/.test(n));
  assert.ok(wasm && js, 'the hashed app files');
  for (const [path, type] of [[`/${wasm}`, 'application/wasm'], [`/${js}`, 'application/javascript'], ['/en/news/1/', 'text/html']]) {
    for (const enc of ['br', 'gzip']) {
      const r = await get(port, path, { 'accept-encoding': enc });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-encoding'], enc, `${path} ${enc}`);
      assert.match(r.headers.vary ?? '', /Accept-Encoding/i, `${path} ${enc}: Vary`);
      assert.ok(r.headers['content-type'].startsWith(type), `${path}: ${r.headers['content-type']}`);
    }
    const plain = await get(port, path);
    assert.equal(plain.headers['content-encoding'], undefined, `${path}: plain to a client without encodings`);
  }
  for (const path of [`/${wasm}`, `/${js}`]) {
    assert.equal((await get(port, path)).headers['cache-control'], 'public, max-age=31536000, immutable', path);
  }
  const manifest = await get(port, '/manifest.webmanifest');
  assert.equal(manifest.status, 200);
  assert.match(manifest.headers['content-type'], /^application\/manifest\+json/);
  for (const path of ['/sw.js', '/robots.txt']) {
    assert.equal((await get(port, path)).headers['cache-control'], 'no-cache', path);
  }
});

test('nginx: the app takes over the pages it serves, and a missing article is "not found"', async () => {
  const page = await openPage(site, { allowed: [/status of 404/] });
  for (const lang of LANGUAGES) {
    await page.goto(site.url(`/${lang}/news/1/`));
    assert.ok((await h1(page)).length > 0, lang);
  }
  await page.goto(site.url('/en/news/9999/'));
  assert.equal(await h1(page), 'Page not found');
  await page.done();
});
