// The service worker: keeps the app shell for offline starts. Replies leave from here only on Background Sync
// (Chrome, with Web Locks; sw/backgroundEvents.ts), never by replaying a page's requests: WebKit, which has no
// Background Sync, has been seen replaying service-worker POSTs with empty bodies.
/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst, StaleWhileRevalidate } from "workbox-strategies";
import { PRECACHE_PROGRESS_TYPE } from "../shared/offlineReadiness";
import type { PrecacheProgressMessage } from "../shared/precacheProgress";
import { listenForBackgroundEvents } from "./sw/backgroundEvents";

declare const self: ServiceWorkerGlobalScope;

// pdf.js (viewer chunk and worker, ~0.4 MB gzip) is in the build's manifest but not precached for everyone:
// it is kept in the runtime cache below when the app asks (keepPdfViewer.ts), once per build.
const isPdfViewerFile = (url: string) => /pdfjsLoader-|pdf\.worker/.test(url);
const urlOf = (entry: string | { url: string }) => (typeof entry === "string" ? entry : entry.url);
const buildManifest = self.__WB_MANIFEST;
const pdfViewerFiles = buildManifest.filter((entry) => isPdfViewerFile(urlOf(entry)));
// vite-plugin-pwa lists the web manifest itself (after any transform of ours): kept at runtime instead, see below.
const precachedEntries = buildManifest.filter(
  (entry) => !pdfViewerFiles.includes(entry) && urlOf(entry) !== "manifest.webmanifest",
);
warmHashedFilesAtInstall(precachedEntries);
precacheAndRoute(precachedEntries);
reportPrecacheProgress(precachedEntries);
cleanupOutdatedCaches();
// Any in-app address opens the cached shell when offline; the API is never answered from cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// Icons and the web manifest keep their names across releases and are not precached (vite.config.ts): kept here
// the first time the browser asks, refreshed in the background after that.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    request.method === "GET" &&
    (url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest"),
  new StaleWhileRevalidate({ cacheName: "outrigger-icons" }),
);

// Big, rarely used code (pdf.js and its worker) is cached the first time it is asked for, and from then on
// works offline. Hashed names make cache-first safe.
const LAZY_ASSETS_CACHE = "outrigger-lazy-assets";
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith("/assets/") && request.method === "GET",
  new CacheFirst({ cacheName: LAZY_ASSETS_CACHE }),
);

/**
 * Workbox stores precache entries one after another, each one a round trip on a satellite link. Asking for every
 * hashed file at once when the install starts puts them all in the HTTP cache together, so Workbox's own fetches
 * (which may use that cache for hashed files) find them there. Files the page already fetched cost nothing.
 */
function warmHashedFilesAtInstall(entries: typeof buildManifest): void {
  const hashed = entries.flatMap((entry) => (typeof entry === "string" || !entry.revision ? [urlOf(entry)] : []));
  self.addEventListener("install", (event) => {
    event.waitUntil(
      Promise.all(
        hashed.map((url) =>
          fetch(url)
            .then((response) => response.arrayBuffer())
            .catch(() => undefined),
        ),
      ),
    );
  });
}

/**
 * Offline readiness: while installing, every stored precache entry is announced to the open pages (joined or
 * not yet controlled), so they can say "getting ready for offline use, 60%" and, once this worker is active,
 * "Ready to use offline". Workbox stores the entries one after another; each store is one step.
 */
function reportPrecacheProgress(entries: typeof buildManifest): void {
  const total = new Set(entries.map(urlOf)).size;
  let done = 0;
  let installing = false;
  const announce = async () => {
    const message: PrecacheProgressMessage = { type: PRECACHE_PROGRESS_TYPE, done: Math.min(done, total), total };
    for (const page of await self.clients.matchAll({ type: "window", includeUncontrolled: true }))
      page.postMessage(message);
  };
  self.addEventListener("install", () => {
    installing = true;
    done = 0;
    void announce();
  });
  self.addEventListener("activate", () => (installing = false));
  addPlugins([
    {
      cacheDidUpdate: async () => {
        if (!installing) return;
        done += 1;
        await announce();
      },
    },
  ]);
}

/** Fetches whichever pdf.js files this build's cache lacks; true when all are kept. */
async function keepPdfViewer(): Promise<boolean> {
  const cache = await caches.open(LAZY_ASSETS_CACHE);
  const urls = pdfViewerFiles.map((entry) => new URL(urlOf(entry), self.location.origin).href);
  const missing = (await Promise.all(urls.map(async (url) => ((await cache.match(url)) ? undefined : url)))).filter(
    (url): url is string => url !== undefined,
  );
  return cache.addAll(missing).then(
    () => urls.length > 0,
    () => false,
  );
}

/** Whether this build's pdf.js is kept, and the bytes getting it would cost (measured at build, see vite.config.ts). */
async function pdfViewerStatus(): Promise<{ kept: boolean; bytes: number }> {
  const cache = await caches.open(LAZY_ASSETS_CACHE);
  const entries = pdfViewerFiles.map((entry) =>
    typeof entry === "string" ? { url: entry } : (entry as { url: string; transferBytes?: number }),
  );
  const kept = await Promise.all(
    entries.map(async ({ url }) => Boolean(await cache.match(new URL(url, self.location.origin).href))),
  );
  const missingBytes = entries.reduce(
    (sum, entry, i) => sum + (kept[i] ? 0 : ((entry as { transferBytes?: number }).transferBytes ?? 0)),
    0,
  );
  return { kept: entries.length > 0 && kept.every(Boolean), bytes: missingBytes };
}

// Web Share Target: a pack (or a reply file) shared to the installed app from the phone's share sheet
// arrives here as a POST; it is kept in a cache for the import screen, which picks it up.
registerRoute(
  ({ url, request }) => url.pathname === "/share-target" && request.method === "POST",
  async ({ request }) => {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) return Response.redirect("/trainer", 303);
    const isReply = file.type === "application/json" || file.name.toLowerCase().endsWith(".json");
    const cache = await caches.open("outrigger-shared-pack");
    await cache.put(
      isReply ? "/shared-reply" : "/shared-pack",
      new Response(file, { headers: { "content-type": file.type || "application/octet-stream" } }),
    );
    return Response.redirect(isReply ? "/deliver?shared=1" : "/import?shared=1", 303);
  },
  "POST",
);

// A new version waits until the participant agrees (workbox-window posts SKIP_WAITING then).
// The app asks for the PDF viewer to be kept (keepPdfViewer.ts) and hears back on the port it sent.
self.addEventListener("message", (event) => {
  const type = (event.data as { type?: string } | null)?.type;
  if (type === "SKIP_WAITING") void self.skipWaiting();
  if (type === "KEEP_PDF_VIEWER")
    event.waitUntil(keepPdfViewer().then((kept) => event.ports[0]?.postMessage({ kept })));
  if (type === "PDF_VIEWER_STATUS")
    event.waitUntil(pdfViewerStatus().then((status) => event.ports[0]?.postMessage(status)));
});
clientsClaim();

listenForBackgroundEvents(self);
