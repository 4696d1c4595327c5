// Mastery Map's service worker: keeps this build's files (and the bundled pathways) so the
// app opens with no network, and lets a new build wait until the student chooses to start
// it (the page shows "A new version is ready"). It never touches student data, which
// lives in IndexedDB, and it answers only requests for this site.
// scripts/dist fills in the build and the file list; the unstamped copy does nothing.
'use strict';

const kBuild = '__MASTERY_BUILD__';
const kFiles = [/* __MASTERY_FILES__ */];
const kCache = 'mastery-map-' + kBuild;
// Pathways and sample records: the network first (a teacher may have updated them), the
// kept copy when offline.
const kFreshFirst = /\/(pathways|records)\/[^/]*\.json$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(kCache).then((cache) => cache.addAll(kFiles)));
  // No skipWaiting here: a new build waits until the page asks (the student chose to).
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'activate-update') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('mastery-map-') && k !== kCache).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;

  if (request.mode === 'navigate') {
    // The page itself, whatever its query (?pathway=...): this build's copy.
    event.respondWith(caches.open(kCache).then((cache) =>
      cache.match(new URL('index.html', scope).href).then((hit) => hit || fetch(request))));
    return;
  }
  if (kFreshFirst.test(url.pathname)) {
    event.respondWith(caches.open(kCache).then((cache) =>
      fetch(request).then((response) => {
        if (response.ok) cache.put(url.href.split('?')[0], response.clone());
        return response;
      }).catch(() => cache.match(url.href.split('?')[0]).then((hit) => hit || Response.error()))));
    return;
  }
  event.respondWith(caches.open(kCache).then((cache) =>
    cache.match(request).then((hit) => hit || fetch(request))));
});
