/// <reference lib="webworker" />
/**
 * The service worker: keeps the app shell for offline use, nothing else.
 *
 * - Precaches the built shell (HTML, JS, CSS, language chunks) with Workbox.
 * - Serves index.html for in-app navigations, except /api/, the server's own pages and
 *   anything that names a file (robots.txt, the neutral exit page): those are real files.
 * - Precaches the neutral exit page (public/recipe.html) with the shell, so quick exit lands
 *   on it offline too.
 * - Keeps the deploy-time files (config.json, manifest, icons) in one small, bounded,
 *   network-first cache, so a deployer's replacement shows up without a rebuild.
 * - Never touches API traffic: no route matches it, and no response that was asked for
 *   with credentials or says no-store is ever written to Cache Storage. Offline data
 *   lives in IndexedDB, written by the app's sync code.
 */
import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const DEPLOY_CACHE = "wp-deploy";
const DEPLOY_CACHE_MAX_ENTRIES = 12;
const DEPLOY_FILES = [
  "/config.json",
  "/manifest.webmanifest",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
];

// Registered before Workbox's routes. Once the app says it is wiping the device, this worker
// answers nothing and opens no cache: the page it still controls until it navigates away must
// not recreate, with one stray request, a cache the wipe just deleted.
let retired = false;
self.addEventListener("fetch", (event) => {
  if (retired) event.stopImmediatePropagation();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  new NavigationRoute(createHandlerBoundToURL("/index.html"), {
    denylist: [/^\/api\//, /^\/admin\//, /^\/static\//, /^\/healthz/, /\/[^/]+\.[a-z0-9]+$/i],
  }),
);

/** Refuses to store anything personal, and keeps the cache to a fixed number of entries. */
const publicAndBounded: WorkboxPlugin = {
  async cacheWillUpdate({ request, response }) {
    const cacheControl = response.headers.get("Cache-Control") ?? "";
    if (!response.ok || request.headers.has("Authorization") || /no-store|private/.test(cacheControl)) return null;
    return response;
  },
  async cacheDidUpdate({ cacheName }) {
    const cache = await caches.open(cacheName);
    const keys = await cache.keys();
    await Promise.all(
      keys.slice(0, Math.max(0, keys.length - DEPLOY_CACHE_MAX_ENTRIES)).map((key) => cache.delete(key)),
    );
  },
};

registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.origin === self.location.origin && DEPLOY_FILES.includes(url.pathname),
  new NetworkFirst({ cacheName: DEPLOY_CACHE, networkTimeoutSeconds: 4, plugins: [publicAndBounded] }),
);

self.addEventListener("install", (event) => {
  // Have config.json and the icons at hand offline even if the app never fetched them through us.
  event.waitUntil(
    caches
      .open(DEPLOY_CACHE)
      .then((cache) =>
        Promise.all(
          DEPLOY_FILES.map((path) => cache.add(new Request(path, { cache: "no-cache" })).catch(() => undefined)),
        ),
      ),
  );
});

self.addEventListener("message", (event) => {
  // Sent by the "update available" prompt when the user agrees.
  const type = (event.data as { type?: string } | null)?.type;
  if (type === "SKIP_WAITING") void self.skipWaiting();
  // Sent by "wipe this device" before it deletes the caches and unregisters this worker.
  if (type === "RETIRE") retired = true;
});

clientsClaim();
