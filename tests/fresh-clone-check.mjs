// What a newcomer sees from `scripts/serve` on a fresh clone (run by tests/fresh-clone.sh with
// the server's address in PORTAL_SERVE_URL): the home page and a deep link render in Chromium.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const origin = process.env.PORTAL_SERVE_URL;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
after(() => browser.close());

async function open(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(`${origin}${path}`);
  return { page, response, errors, close: () => context.close() };
}

for (const [path, heading] of [
  ['/en/', /Latest news/],
  ['/en/news/1', /Uzbekistan–Kazakhstan/],
  ['/ru/faq', /вопрос/i],
]) {
  test(`scripts/serve answers ${path} and the app renders it`, async () => {
    const { page, response, errors, close } = await open(path);
    assert.equal(response.status(), 200);
    // The app has rendered the page (the static shell has no h1).
    await page.locator('main h1').waitFor({ timeout: 60_000 });
    await page.locator('main', { hasText: heading }).waitFor({ timeout: 30_000 });
    assert.deepEqual(errors, []);
    await close();
  });
}
