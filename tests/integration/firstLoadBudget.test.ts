// The participant's first load stays within budget. Bytes do not vary run to run, so this may be a test.
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { FIRST_LOAD_BUDGET_BYTES, measureFirstLoad } from "../bench/firstLoadBytes";

const distDir = fileURLToPath(new URL("../../dist", import.meta.url));

it("keeps the participant's first-load JS and CSS within 45 KB gzip", () => {
  const report = measureFirstLoad(distDir);
  expect(report.files.some((f) => f.file.endsWith(".js"))).toBe(true);
  expect(report.totalGzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
});

it("ships a service worker that precaches the app shell", async () => {
  const { readFileSync } = await import("node:fs");
  const sw = readFileSync(`${distDir}/sw.js`, "utf8");
  expect(sw).toContain("index.html");
  for (const f of measureFirstLoad(distDir).files) expect(sw).toContain(f.file.replace(/^\//, ""));
});

it("keeps the organiser console out of the participant's precache, in a chunk of its own", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const consoleChunks = readdirSync(`${distDir}/assets`).filter((f) => /^console-.*\.js$/.test(f));
  expect(consoleChunks).toHaveLength(1);
  expect(readFileSync(`${distDir}/assets/${consoleChunks[0]}`, "utf8")).toContain("Add a workshop");
  const sw = readFileSync(`${distDir}/sw.js`, "utf8");
  expect(sw).not.toContain(consoleChunks[0]);
  // No other precached script carries console screens.
  const precached = [...sw.matchAll(/"url":"(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  for (const file of precached) expect(readFileSync(`${distDir}/${file}`, "utf8")).not.toContain("Add a workshop");
});

it("leaves the attachment uploader (tus-js-client) out of the precache: it is fetched when an upload starts, online", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const uploadChunks = readdirSync(`${distDir}/assets`).filter((f) => /^uploads-.*\.js$/.test(f));
  expect(uploadChunks).toHaveLength(1);
  expect(readFileSync(`${distDir}/assets/${uploadChunks[0]}`, "utf8")).toContain("Tus-Resumable");
  const sw = readFileSync(`${distDir}/sw.js`, "utf8");
  expect(sw).not.toContain(uploadChunks[0]);
  const precached = [...sw.matchAll(/"url":"(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  for (const file of precached) expect(readFileSync(`${distDir}/${file}`, "utf8")).not.toContain("Tus-Resumable");
});
