// Kaiban's service worker: the app shell works offline after the first visit.
// tools/precache.mjs (a Trunk post_build hook) writes the version and the list of hashed
// files into the copy in dist/; this file is the template.
const VERSION = '__KAIBAN_VERSION__';
const PRECACHE = __KAIBAN_PRECACHE__;
const CACHE = `kaiban-${VERSION}`;
// Only these (the app's own hashed files) are ever answered from the cache.
const PRECACHED = new Set(PRECACHE.map((url) => new URL(url, self.registration.scope).href));
// A province's townships (tools/divisions.mjs), fetched when the applicant picks it and kept
// across app versions: the name carries the content's hash, so a kept file is never stale.
const REFERENCE = 'kaiban-reference';
const DIVISIONS = new URL('divisions/', self.registration.scope).href;
const isReferenceChunk = (href) => href.startsWith(DIVISIONS) && /^\d\d-[0-9a-f]+\.json$/.test(href.slice(DIVISIONS.length));

// The deployment's business-scope catalogue (src/reference/catalogue.rs): the app asks for
// it with its configured SHA-256 in the `kaiban-catalogue` parameter. It is kept (in the same
// cache) only if its bytes have that hash, under that name, so a new file is never answered
// with an old copy; older copies of the same file are dropped.
const CATALOGUE_PARAM = 'kaiban-catalogue';

self.addEventListener('install', (event) => {
  // Waits (no skipWaiting): a new version is offered to the applicant, never swapped mid-edit.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('kaiban-') && key !== CACHE && key !== REFERENCE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  // A page that loaded while this worker was activating (see src/offline/mod.rs).
  if (event.data && event.data.type === 'CLAIM') event.waitUntil(self.clients.claim());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin && request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
    return;
  }
  const catalogueHash = url.searchParams.get(CATALOGUE_PARAM);
  if (catalogueHash && /^[0-9a-f]{64}$/.test(catalogueHash)) {
    event.respondWith(catalogue(request, catalogueHash));
    return;
  }
  // Everything else that is not one of the app's precached files (the submission endpoint
  // and its status polls, on this origin or another, and any other URL) goes to the network
  // untouched: a status answer must never come from a cache.
  url.search = '';
  url.hash = '';
  if (isReferenceChunk(url.href)) {
    event.respondWith(cacheFirst(request, REFERENCE));
    return;
  }
  if (!PRECACHED.has(url.href)) return;
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

async function cacheFirst(request, name = CACHE) {
  const cache = await caches.open(name);
  const hit = await cache.match(request, { ignoreSearch: true });
  if (hit) return hit;
  const response = await fetch(request);
  // A precached file evicted from the cache: hashed names never change content.
  if (response.ok) cache.put(request, response.clone());
  return response;
}

async function catalogue(request, hash) {
  const cache = await caches.open(REFERENCE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (!response.ok) return response;
  const bytes = await response.clone().arrayBuffer();
  const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (digest === hash) {
    const file = new URL(request.url);
    file.searchParams.delete(CATALOGUE_PARAM);
    for (const kept of await cache.keys()) {
      const old = new URL(kept.url);
      old.searchParams.delete(CATALOGUE_PARAM);
      if (old.href === file.href && kept.url !== request.url) await cache.delete(kept);
    }
    await cache.put(request, response.clone());
  }
  return response;
}
