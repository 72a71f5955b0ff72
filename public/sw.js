// Keeps what a visitor has loaded usable offline: pages and the search
// engine's entry files are fetched fresh when the network answers and served
// from this cache when it does not. Hashed assets and the search index chunks
// are left to the browser's HTTP cache, which keeps them for a year (see
// _headers) and answers offline too; routing every search chunk through this
// worker made each search about 60 ms slower. Responses are never held back
// for the cache write. Static files do not depend on the query string
// (Pagefind adds ?ts= to bust caches; /search/ reads ?q= in the browser), so
// the cache keys leave it out.
const CACHE = 'persona-atlas-v1';
const IMMUTABLE = /\/(_astro|pagefind\/(part-\d+\/)?(index|fragment|filter))\//;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

function cacheKey(request) {
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  return url.href;
}

async function fetchAndRemember(event) {
  const response = await fetch(event.request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(CACHE).then((cache) => cache.put(cacheKey(event.request), copy)));
  }
  return response;
}

async function networkFirst(event) {
  try {
    return await fetchAndRemember(event);
  } catch (error) {
    const cached = await caches.match(cacheKey(event.request));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || IMMUTABLE.test(url.pathname)) return;
  event.respondWith(networkFirst(event));
});
