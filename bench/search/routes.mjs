// Routes as the search benchmark compares them: the path and fragment of a result's link,
// normalised so that `/en/news/1`, `/en/news/1/` and `http://host/en/news/1/` are one route and
// `/en/faq#x` equals `/en/faq/#x`. A fragment counts only if the page it names has an element of
// that id: a link to `…/helplines#police` on a page without `id="police"` lands the reader at the
// top of the list, so it is taken as the bare page (which an anchored expectation does not accept).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `/a/b/#x` → `/a/b#x`, `/a/b/` → `/a/b`; the query string is dropped; `/` stays `/`. */
export function normalise(route) {
  const url = new URL(route, 'http://x');
  let path = decodeURIComponent(url.pathname).replace(/\/index\.html$/, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  const hash = url.hash ? decodeURIComponent(url.hash) : '';
  return path + hash;
}

/** The ids of the elements of each prerendered page of `dist`, read once per page. */
export function anchorChecker(dist) {
  const ids = new Map();
  async function idsOf(path) {
    if (!ids.has(path)) {
      ids.set(path, (async () => {
        try {
          const html = await readFile(join(dist, path, 'index.html'), 'utf8');
          return new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
        } catch {
          return new Set();
        }
      })());
    }
    return ids.get(path);
  }
  /** The route the reader lands on: the fragment dropped when the page has no such element. */
  return async function landing(route) {
    const r = normalise(route);
    const at = r.indexOf('#');
    if (at < 0) return r;
    const [path, id] = [r.slice(0, at), r.slice(at + 1)];
    return (await idsOf(path)).has(id) ? r : path;
  };
}
