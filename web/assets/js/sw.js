// The service worker of the scorer's console (registered by scorer/offline.js, served at /sw.js by
// src/modules/web/web-pages.ts): after one visit the console opens with no network. Its page and
// hashed scripts are precached (the list is put in when the server bundles this file, so a deploy
// that changes them changes this worker and the browser updates it); the public data the console
// reads (game, plays, box score, tournament, rosters) comes from the network when it answers
// within a few seconds and from the last answer kept here when it does not. Plays and undos are
// never cached: they wait in the console's outbox (localStorage) until the server takes them.
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';

/* global self, caches, URL, Response, __PRECACHE__ */
const DATA_CACHE = 'courtside-scorer-data';
/** What the console reads, anonymously. */
const SCORER_DATA = [
  /^\/api\/v1\/games\/[0-9a-f-]{36}(\/plays|\/box-score)?$/,
  /^\/api\/v1\/tournaments\/[0-9a-f-]{36}$/,
  /^\/api\/v1\/teams\/[0-9a-f-]{36}\/players$/,
];

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

cleanupOutdatedCaches();
precacheAndRoute(__PRECACHE__);
registerRoute(new NavigationRoute(createHandlerBoundToURL('/score'), { allowlist: [/^\/score(\/|$)/] }));

/**
 * The play list asked for may not be the one kept (it starts after the last seq the console
 * knew): answer from a kept list that starts earlier, cut to what was asked.
 */
async function keptPlays(request) {
  const url = new URL(request.url);
  if (!url.pathname.endsWith('/plays')) return undefined;
  const after = Number(url.searchParams.get('afterSeq') ?? 0);
  const cache = await caches.open(DATA_CACHE);
  let best = null;
  for (const key of await cache.keys()) {
    const kept = new URL(key.url);
    if (kept.pathname !== url.pathname || Number(kept.searchParams.get('afterSeq') ?? 0) > after) continue;
    const body = await (await cache.match(key))?.json().catch(() => null);
    if (body && (!best || body.lastSeq > best.lastSeq)) best = body;
  }
  if (!best) return undefined;
  const items = best.items.filter((p) => p.seq > after);
  return new Response(JSON.stringify({ ...best, items }), { headers: { 'content-type': 'application/json' } });
}

registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    !request.headers.has('authorization') &&
    SCORER_DATA.some((path) => path.test(url.pathname)),
  new NetworkFirst({
    cacheName: DATA_CACHE,
    networkTimeoutSeconds: 3,
    plugins: [
      new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 7 * 24 * 3600 }),
      { handlerDidError: ({ request }) => keptPlays(request) },
    ],
  }),
);
