// The reference page: the seed article as plain static HTML (same text, minimal inline CSS,
// no JavaScript, no web fonts, no images) — the physical limit for a page with this content.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { precompress } from '../scripts/precompress.mjs';

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const CSS = `body{margin:0;font:1rem/1.6 system-ui,sans-serif;color:#1a1a1a;background:#fff}
header{background:#0b3d6e;color:#fff;padding:.75rem 1rem;font-weight:600}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
.meta{color:#555;font-size:.9rem;margin:0}
.byline{color:#555;font-style:italic}`;

/** Writes `dir/en/news/<id>/index.html` (and its .br/.gz) from the article JSON; returns its path. */
export async function writePlainArticle(dist, dir, { lang = 'en', id = 1 } = {}) {
  const article = JSON.parse(await readFile(join(dist, 'api/v1', lang, 'news', `${id}.json`), 'utf8'));
  const date = new Date(`${article.date}T00:00:00Z`).toLocaleDateString(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const body = article.body.map((block) => {
    if (block.type === 'heading') return `<h2>${escape(block.text)}</h2>`;
    if (block.type === 'list') return `<ul>${(block.items ?? []).map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`;
    if (block.type === 'quote') return `<blockquote>${escape(block.text)}</blockquote>`;
    return `<p>${escape(block.text)}</p>`;
  }).join('\n');
  const html = `<!doctype html>
<html lang="${lang}">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(article.title)} – Government portal of Uzbekistan</title>
<meta name="description" content="${escape(article.lead)}">
<link rel="icon" href="data:,">
<style>${CSS}</style>
<header>The Government portal of the Republic of Uzbekistan</header>
<main>
<article>
<p class="meta"><time datetime="${article.date}">${date}</time> · ${escape(article.category?.name)}</p>
<h1>${escape(article.title)}</h1>
${body}
<p class="byline">${escape(article.byline)}</p>
</article>
</main>
`;
  const out = join(dir, lang, 'news', String(id));
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'index.html'), html);
  await precompress(dir);
  return `/${lang}/news/${id}/`;
}
