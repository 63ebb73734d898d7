// Kaiban's service worker: the app shell works offline after the first visit.
// tools/precache.mjs (a Trunk post_build hook) writes the version and the list of hashed
// files into the copy in dist/; this file is the template.
const VERSION = '__KAIBAN_VERSION__';
const PRECACHE = __KAIBAN_PRECACHE__;
const CACHE = `kaiban-${VERSION}`;

self.addEventListener('install', (event) => {
  // Waits (no skipWaiting): a new version is offered to the applicant, never swapped mid-edit.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('kaiban-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Submissions, status polls and other origins always go to the network.
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
    return;
  }
  event.respondWith(cacheFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: 'no-store' });
    if (response.ok) cache.put('./', response.clone());
    return response;
  } catch {
    return (await cache.match('./')) || (await cache.match('index.html')) || Response.error();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  // Hashed names never change content: anything fetched later (lazy data) is kept too.
  if (response.ok) cache.put(request, response.clone());
  return response;
}
