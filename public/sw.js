// Keeps what a visitor has loaded usable offline: pages are fetched fresh when
// the network answers and served from the cache when it does not; hashed
// assets and the search index never change under their names, so the cache
// answers first. Only same-origin GET requests are touched. Static files do
// not depend on the query string (Pagefind adds ?ts= to bust caches; /search/
// reads ?q= in the browser), so the cache keys leave it out.
const CACHE = 'persona-atlas-v1';
const IMMUTABLE = /\/(_astro|pagefind\/(index|fragment|filter))\//;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function cacheKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

async function remember(request, response) {
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(cacheKey(request), response.clone());
  }
  return response;
}

async function networkFirst(request) {
  try {
    return await remember(request, await fetch(request));
  } catch (error) {
    const cached = await caches.match(cacheKey(request));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  return (await caches.match(cacheKey(request))) ?? remember(request, await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});
