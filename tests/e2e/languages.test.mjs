// Every language: interface, dates, content with the English fallback, switching and choosing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, h1, arrived } from './harness.mjs';

const site = useSite();

const LANGS = {
  oz: { tag: 'uz-Latn', portal: 'Oʻzbekiston Respublikasi Hukumat portali', news: 'Yangiliklar', next: 'Keyingi', date: '1 noyabr 2017',
    faqNav: 'Savol-javob', faq: 'Koʻp beriladigan savollar', helplinesNav: 'Ishonch telefonlari', helplines: 'Vazirlik va idoralarning ishonch telefonlari' },
  uz: { tag: 'uz-Cyrl', portal: 'Ўзбекистон Республикаси Ҳукумат портали', news: 'Янгиликлар', next: 'Кейинги', date: '1 ноябр 2017',
    faqNav: 'Савол-жавоб', faq: 'Кўп бериладиган саволлар', helplinesNav: 'Ишонч телефонлари', helplines: 'Вазирлик ва идораларнинг ишонч телефонлари' },
  ru: { tag: 'ru', portal: 'Правительственный портал Республики Узбекистан', news: 'Новости', next: 'Вперёд', date: '1 ноября 2017 г.',
    faqNav: 'Вопросы и ответы', faq: 'Часто задаваемые вопросы', helplinesNav: 'Телефоны доверия', helplines: 'Телефоны доверия министерств и ведомств' },
  en: { tag: 'en', portal: 'The Government portal of the Republic of Uzbekistan', news: 'News', next: 'Next', date: '1 November 2017',
    faqNav: 'FAQ', faq: 'Frequently asked questions', helplinesNav: 'Helplines', helplines: 'Helplines of ministries and agencies' },
  qr: { tag: 'kaa', portal: 'Ózbekstan Respublikası Húkimet portalı', news: 'Jańalıqlar', next: 'Keyingi', date: '1 noyabr 2017',
    faqNav: 'Soraw-juwap', faq: 'Kóp beriletuǵın sorawlar', helplinesNav: 'Isenim telefonları', helplines: 'Ministrlikler hám uyımlardıń isenim telefonları' },
};

for (const [code, L] of Object.entries(LANGS)) {
  test(`${code}: home → feed → article → FAQ → helplines in the language`, async () => {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/`));
    assert.equal(await h1(page), L.portal);
    assert.equal(await page.getAttribute('html', 'lang'), L.tag);
    await page.locator('.home__latest .news-list li').first().waitFor();

    await page.getByRole('navigation').getByRole('link', { name: L.news, exact: true }).first().click();
    await page.waitForURL(new RegExp(`/${code}/news\/$`));
    assert.equal(await h1(page), L.news);
    await page.locator('.news-list li').first().waitFor();
    assert.ok(await page.getByRole('link', { name: L.next }).isVisible(), 'pagination is translated');
    assert.match(await page.title(), new RegExp(`^${L.news} – `));

    // Every feed item's article opens in the same language.
    const first = page.locator('.news-list h2 a').first();
    const title = (await first.textContent()).trim();
    await first.click();
    await page.waitForURL(new RegExp(`/${code}/news/\\d+\/$`));
    assert.equal(await h1(page), title);
    assert.equal(await page.getAttribute('html', 'lang'), L.tag);

    const mainNav = page.locator('nav.main-nav');
    await mainNav.getByRole('link', { name: L.faqNav, exact: true }).click();
    await page.waitForURL(new RegExp(`/${code}/faq\/$`));
    await arrived(page, L.faq);
    assert.equal(await h1(page), L.faq);
    assert.match(await page.title(), new RegExp(`^${L.faq} – `));
    await mainNav.getByRole('link', { name: L.helplinesNav, exact: true }).click();
    await page.waitForURL(new RegExp(`/${code}/helplines\/$`));
    await arrived(page, L.helplines);
    assert.equal(await h1(page), L.helplines);
    await page.locator('li.helpline').first().waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), L.tag);
    await page.done();
  });

  test(`${code}: the seed article, dated in the language${code === 'en' ? '' : ', shown in English with a notice'}`, async () => {
    const page = await openPage(site);
    await page.goto(site.url(`/${code}/news/1`));
    assert.match(await h1(page), /^Uzbekistan–Kazakhstan/);
    assert.equal(await page.locator('.article__meta time').textContent(), L.date);
    const notice = page.locator('.article__notice');
    if (code === 'en') {
      assert.equal(await notice.count(), 0);
    } else {
      assert.ok(await notice.isVisible());
      assert.equal(await page.locator('.article__title').getAttribute('lang'), 'en');
      assert.equal(await page.locator('.article-body').evaluate((b) => b.closest('[lang]').lang), 'en');
      // The language is named in the reader's language, as the rest of the notice is.
      const english = { oz: 'ingliz tili', uz: 'инглиз тили', ru: 'английский', qr: 'inglis tili' }[code];
      assert.ok((await notice.textContent()).trim().endsWith(`: ${english}`), await notice.textContent());
    }
    await page.done();
  });
}

test('switching language keeps the article, the feed page and the filter', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/news/category/society/page/2'));
  await page.locator('.news-list li').first().waitFor();
  const switcher = page.getByRole('navigation', { name: 'Language' });
  assert.equal(await switcher.locator('a[aria-current]').textContent(), 'English');
  await switcher.getByRole('link', { name: 'Русский' }).click();
  await page.waitForURL(/\/ru\/news\/category\/society\/page\/2\/$/);
  await page.locator('.news-list li').first().waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.match(await page.title(), /Страница 2 из 2/);

  await page.goto(site.url('/ru/news/1'));
  await h1(page);
  await page.getByRole('navigation', { name: 'Язык' }).getByRole('link', { name: 'Qaraqalpaqsha' }).click();
  await page.waitForURL(/\/qr\/news\/1\/$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'kaa');
  await page.done();
});

test('switching language while the page is being taken over shows the page in the new language', async () => {
  const page = await openPage(site);
  // The click is queued behind the task that hydrates the shell (the router is listening) and
  // ahead of the tasks of the parts (src/runtime/start.rs, runtime::Part): the header and the article
  // are still the prerendered English HTML. Once only: the page it leads to runs this script too.
  await page.addInitScript(() => addEventListener('TrunkApplicationStarted', () => setTimeout(() => {
    if (sessionStorage.getItem('clicked')) return;
    sessionStorage.setItem('clicked', document.documentElement.hasAttribute('data-app') ? 'after' : 'during');
    document.querySelector('.language-switcher a[hreflang="ru"]').click();
  })));
  await page.goto(site.url('/en/news/1'), { beforeApp: true });
  await page.waitForURL(/\/ru\/news\/1\/$/);
  await h1(page);
  assert.equal(await page.evaluate(() => sessionStorage.getItem('clicked')), 'during');
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.equal(await page.locator('.main-nav').getAttribute('aria-label'), 'Главное меню');
  assert.equal(await page.locator('.main-nav a[aria-current]').textContent(), LANGS.ru.news);
  assert.match(await page.locator('.article__meta').textContent(), new RegExp(LANGS.ru.date));
  assert.equal(await page.locator('.language-switcher a[aria-current]').textContent(), 'Русский');
  await page.done();
});

test('the language switcher is reachable by keyboard', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/en/'));
  await h1(page);
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.textContent === 'Ўзбекча');
  }
  assert.ok(reached, 'tabbing reaches Ўзбекча');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/uz\/$/);
  await page.done();
});

test('hreflang alternates name the same page in every language', async () => {
  const page = await openPage(site);
  await page.goto(site.url('/ru/news/7'));
  await h1(page);
  const alternates = await page.locator('link[rel=alternate][hreflang]').evaluateAll((ls) =>
    ls.map((l) => `${l.hreflang} ${new URL(l.href).pathname}`));
  assert.deepEqual(alternates.sort(), [
    'en /en/news/7/', 'kaa /qr/news/7/', 'ru /ru/news/7/', 'uz-Cyrl /uz/news/7/', 'uz-Latn /oz/news/7/',
  ]);
  await page.done();
});

async function landing(locale, stored) {
  const context = await site.browser.newContext({ locale });
  const page = await context.newPage();
  if (stored) {
    await page.goto(site.url('/en/'));
    // The app remembers the page's language once it runs; the stored choice comes after.
    await page.waitForFunction(() => localStorage.getItem('portal.lang') === 'en');
    await page.evaluate((l) => localStorage.setItem('portal.lang', l), stored);
  }
  await page.goto(site.url('/'));
  await page.waitForURL(/\/[a-z]{2}\/$/);
  const path = new URL(page.url()).pathname;
  await context.close();
  return path;
}

test('/ goes to the remembered language, else the browser language, else English', async () => {
  assert.equal(await landing('ru-RU'), '/ru/');
  assert.equal(await landing('uz-Cyrl-UZ'), '/uz/');
  assert.equal(await landing('uz-UZ'), '/oz/');
  assert.equal(await landing('de-DE'), '/en/');
  assert.equal(await landing('ru-RU', 'qr'), '/qr/');
});

test('visiting a language remembers it for /', async () => {
  const context = await site.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(site.url('/oz/news'));
  // The app remembers the language when it starts (the prerendered page is there before it).
  await h1(page);
  await page.goto(site.url('/'));
  await page.waitForURL(/\/oz\/$/);
  await context.close();
});
