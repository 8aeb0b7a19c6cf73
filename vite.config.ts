import { readFileSync } from "node:fs";
import { brotliCompressSync, constants as zlibConstants } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";

const rootDir = fileURLToPath(new URL(".", import.meta.url));
const appVersion = (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string })
  .version;
const isTest = process.env.VITEST !== undefined;

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

/**
 * Everything the entry imports statically goes into one chunk: on HTTP/1.1 a phone fetches six files at a time
 * and each answer carries ~1 KB of headers, so the first screen's code is one request, not ten.
 */
function firstLoadChunk(): (id: string, graph: ModuleGraph) => string | null {
  let firstLoad: Set<string> | undefined;
  return (id, graph) => {
    firstLoad ??= staticallyReached(graph, "src/app/main.tsx");
    // Rolldown's own helpers join them, or they would be one more request of a few hundred bytes.
    return firstLoad.has(id) || id.includes("rolldown/runtime") ? "index" : null;
  };
}

/** The module and all it imports statically. */
function staticallyReached(graph: ModuleGraph, entry: string): Set<string> {
  const reached = new Set<string>();
  const queue = [`${rootDir}${entry}`];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (reached.has(next)) continue;
    reached.add(next);
    queue.push(...(graph.getModuleInfo(next)?.importedIds ?? []));
  }
  return reached;
}

/**
 * What joining starts beside the first question (afterJoin.ts: the materials list, part of being ready offline)
 * gets a small chunk of its own, so it does not wait for "later" (~65 KB) to cross a satellite link.
 */
function afterJoinChunk(): (id: string, graph: ModuleGraph) => string | null {
  let afterJoin: Set<string> | undefined;
  return (id, graph) =>
    (afterJoin ??= staticallyReached(graph, "src/app/sync/afterJoin.ts")).has(id) ? "afterJoin" : null;
}

/**
 * The phone's database code the first screens call (store/startupStore.ts: Dexie, ~28 KB, and the store modules):
 * a chunk of its own, loaded at once on a phone that has its database and after the first question on a first
 * visit (store/storeLoader.ts), so it is not waiting inside "later" either.
 */
function startupStoreChunk(): (id: string, graph: ModuleGraph) => string | null {
  let store: Set<string> | undefined;
  return (id, graph) =>
    (store ??= staticallyReached(graph, "src/app/store/startupStore.ts")).has(id) ? "store" : null;
}

/** A catalogue in another language than English (src/app/messages/<code>/): all of one language in one chunk of its own. */
const translatedCatalogue = (id: string) => /\/src\/app\/messages\/(?!en\/)([a-z-]+)\//.exec(id)?.[1];

const isConsoleModule = (id: string) => /\/src\/app\/(features\/console\/|sync\/consoleClient\.)/.test(id);
const isPdfJsModule = (id: string) => /pdfjs-dist|\/pdfjsLoader\./.test(id);
/** The PDF screens import pdf.js statically: they stay apart from "later" (else it would pull pdf.js in). */
const isPdfScreenModule = (id: string) => /\/features\/library\/viewers\/Pdf(Viewer|Presenter)\./.test(id);

/**
 * Sending attachments (tus-js-client and what it pulls in, ~14 KB brotli) happens only online, so its chunk is
 * fetched when an upload starts and kept by the service worker's runtime cache, not precached: the bytes do not
 * stand between a first visit and being ready to go offline.
 */
const isUploadModule = (id: string) =>
  /\/sync\/attachmentUploader\.|node_modules\/(tus-js-client|url-parse|js-base64|querystringify|requires-port|combine-errors|lodash\.throttle)\//.test(
    id,
  );

/** Every module a participant's screens can reach, bar the console, the PDF viewer and uploads; computed once per build. */
function participantModules(graph: ModuleGraph): Set<string> {
  const reach = new Set<string>();
  const queue = [`${rootDir}src/app/main.tsx`];
  while (queue.length > 0) {
    const next = queue.pop()!;
    if (
      reach.has(next) ||
      isConsoleModule(next) ||
      isPdfJsModule(next) ||
      isPdfScreenModule(next) ||
      isUploadModule(next)
    )
      continue;
    reach.add(next);
    const info = graph.getModuleInfo(next);
    queue.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []));
  }
  return reach;
}

/**
 * A handful of chunks instead of sixty: the first screen ("index"); the phone's database code ("store"); what joining
 * starts beside the first question ("afterJoin"); everything else a participant may open
 * ("later", fetched once after the first screen, so the precache finds it in the HTTP cache); each language's
 * translated catalogues ("messages-fr", fetched at start only by a phone in that language); the PDF screens
 * ("pdfScreens", precached, small); pdf.js ("pdfjsLoader", kept on request, sw.ts); the organiser console
 * ("console", never precached). On a satellite link each file costs a round trip of ~300 ms, and the service
 * worker's precache fetches one file after another. Higher priorities capture first, so a module shared with
 * the participant's screens stays in "index" or "later", and loading "later" never pulls in pdf.js or the console.
 */
function appChunkGroups() {
  let participant: Set<string> | undefined;
  return [
    { name: firstLoadChunk(), debugName: "first-load", priority: 30 },
    { name: startupStoreChunk(), debugName: "startup-store", priority: 27 },
    { name: afterJoinChunk(), debugName: "after-join", priority: 25 },
    // Fetched only by a phone in that language (at start, beside the first screen) and precached for offline.
    {
      name: (id: string) => {
        const language = translatedCatalogue(id);
        return language ? `messages-${language}` : null;
      },
      debugName: "translated-messages",
      priority: 22,
    },
    {
      name: (id: string, graph: ModuleGraph) => ((participant ??= participantModules(graph)).has(id) ? "later" : null),
      debugName: "later",
      priority: 20,
    },
    { name: "pdfjsLoader", test: (id: string) => isPdfJsModule(id), priority: 15 },
    { name: "pdfScreens", test: (id: string) => isPdfScreenModule(id), priority: 10 },
    { name: "uploads", test: (id: string) => isUploadModule(id), priority: 5 },
    { name: "console", test: (id: string) => isConsoleModule(id), priority: 0 },
  ];
}

/**
 * vite-plugin-pwa links the web manifest from index.html, so a first visit fetched it beside the first screen's code;
 * the install offer and the home-screen icon need it only later. The app links it once the first screen is up
 * (ui/installOffer.ts): one request and ~1.3 KB fewer before the first question.
 */
function webManifestLinkedLater(): Plugin {
  return {
    name: "outrigger:web-manifest-linked-later",
    // On the emitted page, after every plugin's transformIndexHtml (vite-plugin-pwa adds the link in its own).
    enforce: "post",
    generateBundle(_options, bundle) {
      const page = bundle["index.html"];
      if (page?.type === "asset" && typeof page.source === "string")
        page.source = page.source.replace(/\s*<link rel="manifest"[^>]*>/, "");
    },
  };
}

/**
 * A returning phone (its database exists, store/databaseName.ts) needs the store's chunk (Dexie) for the first
 * question, but the app asks for it only once its own code has run. A few bytes of inline script in index.html,
 * before the app's module, start fetching it at once when localStorage says the database is there; a first visit
 * fetches nothing more (tests/e2e/storePreload.test.ts). The server's CSP allows the script by its hash.
 */
function storeChunkPreloaded(): Plugin {
  // store/databaseName.ts HAS_DATABASE_KEY (the config does not import the app's modules).
  const HAS_DATABASE_KEY_OF_STORE = "outrigger-has-database";
  return {
    name: "outrigger:store-chunk-preloaded",
    enforce: "post",
    generateBundle(_options, bundle) {
      const page = bundle["index.html"];
      const store = Object.values(bundle).find((file) => file.type === "chunk" && file.name === "store");
      if (page?.type !== "asset" || typeof page.source !== "string" || !store) return;
      const check =
        `<script>try{localStorage.getItem(${JSON.stringify(HAS_DATABASE_KEY_OF_STORE)})&&document.head.appendChild(` +
        `Object.assign(document.createElement("link"),{rel:"modulepreload",crossOrigin:"",id:"store-preload",href:"/${store.fileName}"}))}catch(e){}</script>`;
      page.source = page.source.replace(/(\s*)<script type="module"/, `$1${check}$1<script type="module"`);
    },
  };
}

interface ManifestEntry {
  url: string;
  revision: string | null;
  size: number;
  transferBytes?: number;
}

/**
 * Gives the PDF viewer's files (pdf.js, its worker) the bytes they cost over the wire, brotli as the server sends
 * them, so the app can offer "Get the PDF viewer (1.2 MB)" with this build's true size.
 */
async function pdfViewerTransferBytes(entries: ManifestEntry[]): Promise<{ manifest: ManifestEntry[] }> {
  const manifest = entries.map((entry) =>
    /pdfjsLoader-|pdf\.worker/.test(entry.url)
      ? {
          ...entry,
          transferBytes: brotliCompressSync(readFileSync(`${rootDir}dist/${entry.url}`), {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 },
          }).length,
        }
      : entry,
  );
  return { manifest };
}

export default defineConfig({
  root: `${rootDir}src/app`,
  publicDir: `${rootDir}public`,
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: {
    outDir: `${rootDir}dist`,
    emptyOutDir: true,
    target: "es2020",
    reportCompressedSize: false,
    // Browsers this app serves all know modulepreload: the polyfill would be a request of its own.
    modulePreload: { polyfill: false },
    rolldownOptions: { preserveEntrySignatures: false, output: { codeSplitting: { groups: appChunkGroups() } } },
  },
  plugins: [
    solid(),
    !isTest &&
      VitePWA({
        strategies: "injectManifest",
        srcDir: ".",
        filename: "sw.ts",
        registerType: "prompt",
        injectRegister: false,
        includeManifestIcons: false,
        manifest: {
          name: "Outrigger — workshop follow-up",
          short_name: "Outrigger",
          description: "Answer the workshop follow-up questionnaire and read training materials, offline.",
          id: "/",
          start_url: "/",
          scope: "/",
          display: "standalone",
          orientation: "portrait",
          background_color: "#ffffff",
          theme_color: "#0b5560",
          // The installed app appears in the phone's share sheet for pack files and reply files.
          share_target: {
            action: "/share-target",
            method: "POST",
            enctype: "multipart/form-data",
            params: { files: [{ name: "file", accept: ["application/zip", ".zip", "application/json", ".json"] }] },
          },
          icons: [
            { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
            { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
            { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          ],
        },
        injectManifest: {
          // A classic script in one file: the Background Sync work is imported lazily (sw/backgroundEvents.ts), and
          // only a library build leaves out Vite's preload helper, whose import.meta a classic worker cannot parse.
          rollupFormat: "iife",
          // pdf.js (viewer chunk and worker) is listed but kept at runtime, on the app's request; see sw.ts.
          globPatterns: ["**/*.{js,mjs,css,html,svg,png,ico}"],
          // The organiser console (code and styles) is for the office's staff, online: a participant's phone never
          // stores it. Icons and the web manifest keep their names across releases, so Workbox would fetch them
          // again, one after another, each one more round trip before the phone is ready to go offline: the
          // service worker keeps them at runtime instead (sw.ts), and the browser caches icons for a day.
          globIgnores: ["**/assets/console-*", "**/assets/uploads-*", "**/icons/**"],
          manifestTransforms: [pdfViewerTransferBytes],
        },
      }),
    webManifestLinkedLater(),
    storeChunkPreloaded(),
  ],
  test: {
    root: rootDir,
    environment: "node",
    projects: [
      {
        extends: true,
        test: { name: "unit", root: rootDir, include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          root: rootDir,
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/postgresRunDatabase.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          root: rootDir,
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // The deployment as a newcomer sets it up: the built server behind Caddy over HTTPS, upgrades of old data.
        test: {
          name: "deploy",
          root: rootDir,
          include: ["tests/deploy/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
