// A panic never leaves a frozen page: the test builds (feature panic-test; here the sub-path one)
// panics on purpose on `?panic-test`, and the reader gets a message and a reload link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, DIST_PORTAL } from './harness.mjs';

const site = useSite({ dir: DIST_PORTAL, base: '/portal/' });

test('an unexpected panic shows a message with a reload link, in the page language', async () => {
  for (const [lang, text, link] of [
    ['en', 'Something went wrong', 'Reload the page'],
    ['ru', 'Произошла ошибка', 'Перезагрузить страницу'],
  ]) {
    const page = await openPage(site, { allowed: [/panic on purpose/, /unreachable/, /RuntimeError/] });
    await page.goto(site.url(`/${lang}/news/1?panic-test`));
    await h1(page);
    const alert = page.getByRole('alert').filter({ hasText: text });
    await alert.waitFor();
    const reload = alert.getByRole('link', { name: link });
    assert.equal(await reload.getAttribute('href'), site.url(`/${lang}/news/1?panic-test`));
    assert.equal(await page.evaluate(() => document.activeElement.textContent), link, 'focus on the way out');
    await page.done();
  }
});
