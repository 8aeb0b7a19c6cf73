// The service worker: keeps the app shell for offline starts. It never sends replies itself:
// the app does, because WebKit has been seen replaying service-worker POSTs with empty bodies.
/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { CacheFirst } from "workbox-strategies";

declare const self: ServiceWorkerGlobalScope;

// pdf.js (viewer chunk and worker, ~0.4 MB gzip) is in the build's manifest but not precached for everyone:
// it is kept in the runtime cache below when the app asks (keepPdfViewer.ts), once per build.
const isPdfViewerFile = (url: string) => /pdfjsLoader-|pdf\.worker/.test(url);
const buildManifest = self.__WB_MANIFEST;
const pdfViewerFiles = buildManifest.filter((entry) => isPdfViewerFile(typeof entry === "string" ? entry : entry.url));
precacheAndRoute(buildManifest.filter((entry) => !pdfViewerFiles.includes(entry)));
cleanupOutdatedCaches();
// Any in-app address opens the cached shell when offline; the API is never answered from cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// Big, rarely used code (pdf.js and its worker) is cached the first time it is asked for, and from then on
// works offline. Hashed names make cache-first safe.
const LAZY_ASSETS_CACHE = "outrigger-lazy-assets";
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname.startsWith("/assets/") && request.method === "GET",
  new CacheFirst({ cacheName: LAZY_ASSETS_CACHE }),
);

/** Fetches whichever pdf.js files this build's cache lacks; true when all are kept. */
async function keepPdfViewer(): Promise<boolean> {
  const cache = await caches.open(LAZY_ASSETS_CACHE);
  const urls = pdfViewerFiles.map(
    (entry) => new URL(typeof entry === "string" ? entry : entry.url, self.location.origin).href,
  );
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

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Background Sync is an extra wake-up: it asks open app windows to run their own sync.
self.addEventListener("sync" as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const syncEvent = event as unknown as SyncEvent;
  if (syncEvent.tag !== "outbox") return;
  syncEvent.waitUntil(
    self.clients.matchAll({ type: "window" }).then((windows) => {
      for (const client of windows) client.postMessage({ type: "sync-requested" });
    }),
  );
});
