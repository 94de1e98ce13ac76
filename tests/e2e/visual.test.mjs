// Visual regression: the home page, the feed, an article, the FAQ, the helplines and the search
// page in English, Russian and Uzbek, at 360×800 and 1280×900, compared with the committed
// baselines in tests/e2e/visual/. A layout break (a header that wraps, a column that moves, a
// list that loses its style) changes many pixels and fails; anti-aliasing does not.
//
// The comparison runs in the browser (canvas pixels), so it needs no image library. What is
// compared is made still: reduced motion (no animation), the app started and every skeleton
// gone, fonts loaded, no caret, no focus ring; the sample data has fixed dates, and the
// calendar's "today" is outside the months shown.
//
// To accept a change of the layout on purpose, rewrite the baselines and commit them:
//   PORTAL_VISUAL_UPDATE=1 PORTAL_E2E_DIST=dist-mine node --test tests/e2e/visual.test.mjs
// A failing comparison writes the new screenshot and a diff image (changed pixels in red) to
// $PORTAL_VISUAL_OUT (default /tmp/portal-visual).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { useSite } from './harness.mjs';

const site = useSite();
const BASELINES = new URL('./visual/', import.meta.url);
const OUT = process.env.PORTAL_VISUAL_OUT ?? '/tmp/portal-visual';
const UPDATE = process.env.PORTAL_VISUAL_UPDATE === '1';

/** A pixel differs when one of its channels differs by more than this (anti-aliasing and
 * sub-pixel text positioning stay under it). */
const CHANNEL_TOLERANCE = 64;
/** A screenshot fails when more than this share of its pixels differ. */
const MAX_DIFF_SHARE = 0.005;

const PAGES = {
  home: (l) => `/${l}/`,
  feed: (l) => `/${l}/news/`,
  article: (l) => `/${l}/news/1/`,
  faq: (l) => `/${l}/faq/`,
  helplines: (l) => `/${l}/helplines/`,
  search: (l) => `/${l}/search/?q=${encodeURIComponent({ en: 'passport', ru: 'паспорт', oz: 'pasport' }[l])}`,
};
const LANGS = ['en', 'ru', 'oz'];
const SIZES = [{ width: 360, height: 800 }, { width: 1280, height: 900 }];

/** A screenshot of `path` at `size`, once the page is still. */
async function shoot(context, path) {
  const page = await context.newPage();
  await page.goto(site.url(path));
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'), null, { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('.skeleton, [aria-busy="true"]'), null, { timeout: 20000 });
  if (path.includes('/search/')) await page.locator('.search-result').first().waitFor({ timeout: 20000 });
  await page.evaluate(async () => {
    await document.fonts.ready;
    document.activeElement?.blur();
  });
  // Two frames: what the last task changed is painted.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const png = await page.screenshot({ caret: 'hide', animations: 'disabled' });
  await page.close();
  return png;
}

/** Compares two PNGs in the browser: how many pixels differ, of how many, and a diff image. */
async function compare(context, actual, expected) {
  const page = await context.newPage();
  const result = await page.evaluate(async ([a, e, tolerance]) => {
    const load = async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(0, 0, canvas.width, canvas.height);
    };
    const [x, y] = [await load(a), await load(e)];
    if (x.width !== y.width || x.height !== y.height) {
      return { size: `${x.width}×${x.height} against ${y.width}×${y.height}` };
    }
    const diff = new ImageData(x.width, x.height);
    let differing = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      const d = Math.max(
        Math.abs(x.data[i] - y.data[i]),
        Math.abs(x.data[i + 1] - y.data[i + 1]),
        Math.abs(x.data[i + 2] - y.data[i + 2]),
      );
      if (d > tolerance) {
        differing++;
        diff.data.set([255, 0, 0, 255], i);
      } else {
        const grey = 255 - (255 - (x.data[i] + x.data[i + 1] + x.data[i + 2]) / 3) / 4;
        diff.data.set([grey, grey, grey, 255], i);
      }
    }
    const canvas = document.createElement('canvas');
    canvas.width = x.width;
    canvas.height = x.height;
    canvas.getContext('2d').putImageData(diff, 0, 0);
    return { differing, total: x.width * x.height, diff: canvas.toDataURL('image/png').split(',')[1] };
  }, [actual.toString('base64'), expected.toString('base64'), CHANNEL_TOLERANCE]);
  await page.close();
  return result;
}

for (const size of SIZES) {
  test(`the pages look as in the baselines at ${size.width} px`, async () => {
    const context = await site.browser.newContext({ viewport: size, reducedMotion: 'reduce', serviceWorkers: 'block' });
    const failures = [];
    for (const lang of LANGS) {
      for (const [name, path] of Object.entries(PAGES)) {
        const file = `${name}-${lang}-${size.width}.png`;
        const actual = await shoot(context, path(lang));
        if (UPDATE) {
          await writeFile(new URL(file, BASELINES), actual);
          continue;
        }
        const expected = await readFile(new URL(file, BASELINES)).catch(() => null);
        if (!expected) {
          failures.push(`${file}: no baseline (PORTAL_VISUAL_UPDATE=1 writes it)`);
          continue;
        }
        const r = await compare(context, actual, expected);
        const share = r.size ? 1 : r.differing / r.total;
        if (share > MAX_DIFF_SHARE) {
          await mkdir(OUT, { recursive: true });
          await writeFile(`${OUT}/${file}`, actual);
          if (r.diff) await writeFile(`${OUT}/diff-${file}`, Buffer.from(r.diff, 'base64'));
          failures.push(`${file}: ${r.size ?? `${(share * 100).toFixed(2)} % of the pixels differ`} (see ${OUT})`);
        }
      }
    }
    await context.close();
    assert.deepEqual(failures, [], 'screenshots that differ from their baselines');
  });
}
