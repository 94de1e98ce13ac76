// The portal's service worker: what the reader has opened stays readable offline.
//
// - App files (content-hashed JS, wasm, CSS, the SPA shell): cached at install, served from
//   the cache; a new deploy has new names and a new VERSION, and activation deletes the caches
//   of every other version, so an old app is never served after a deploy.
// - Chunk files (the wasm of rarely read pages, scripts/split.mjs): cached the first time the
//   app loads them, then served from the cache; not at install, which would download the code of
//   every page for every reader.
// - Pages (navigations): network first, so a new deploy is seen at once; offline, the copy
//   saved when the reader last opened the page, else the SPA shell (the app then renders
//   from the saved API data).
// - API data (JSON, Atom): stale-while-revalidate: the saved copy at once, refreshed from the
//   network in the background for the next visit.
//
// scripts/service-worker.mjs writes dist/sw.js from this file with VERSION and APP_FILES set.
// Left as it is (`trunk serve`), VERSION is "dev" and the worker does nothing.
const VERSION = 'dev';
const APP_FILES = [];
const CHUNK_FILES = [];

const APP = `portal-app-${VERSION}`;
const PAGES = `portal-pages-${VERSION}`;
const DATA = `portal-data-${VERSION}`;
const SCOPE = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  if (VERSION === 'dev') return;
  event.waitUntil(
    caches.open(APP)
      .then((cache) => cache.addAll(APP_FILES.map((f) => new URL(f, SCOPE).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('portal-') && ![APP, PAGES, DATA].includes(k)).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (VERSION === 'dev' || request.method !== 'GET' || url.origin !== SCOPE.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
  } else if (/\.(json|atom)$/.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request, event));
  } else if (APP_FILES.some((f) => new URL(f, SCOPE).pathname === url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  } else if (CHUNK_FILES.some((f) => new URL(f, SCOPE).pathname === url.pathname)) {
    event.respondWith(cacheOnFirstUse(request));
  }
});

async function cacheOnFirstUse(request) {
  const cache = await caches.open(APP);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const saved = await cache.match(request, { ignoreSearch: true });
    return saved || (await caches.match(new URL('200.html', SCOPE).href)) || Response.error();
  }
}

async function staleWhileRevalidate(request, event) {
  const cache = await caches.open(DATA);
  const saved = await cache.match(request);
  const fresh = fetch(request)
    .then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    })
    .catch(() => saved || Response.error());
  if (saved) {
    event.waitUntil(fresh);
    return saved;
  }
  return fresh;
}
