import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";

const rootDir = fileURLToPath(new URL(".", import.meta.url));
const appVersion = (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { version: string }).version;
const isTest = process.env.VITEST !== undefined;

export default defineConfig({
  root: `${rootDir}src/app`,
  publicDir: `${rootDir}public`,
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  build: {
    outDir: `${rootDir}dist`,
    emptyOutDir: true,
    target: "es2020",
    reportCompressedSize: false,
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
          globPatterns: ["**/*.{js,css,html,svg,png,ico,webmanifest}"],
          // pdf.js (viewer chunk and worker) is cached at runtime on first use instead; see sw.ts.
          globIgnores: ["**/pdfjsLoader-*.js", "**/pdf.worker*"],
        },
      }),
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
