// StrykerJS over the modules that carry Outrigger's promises; run with `npm run test:mutation` (not part of `npm test`).
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Unit and integration projects only: the browser tests need a build and Chromium, and are too slow per mutant.
  vitest: { configFile: "tests/mutation/vitest.config.ts", related: true },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  coverageAnalysis: "perTest",
  // Mutants of module-level constants (the regexes in fiscalYear.ts) were reported "survived" although the
  // tests kill them when made by hand: the vitest runner does not reload modules per mutant. Leave them out
  // rather than report false survivors.
  ignoreStatic: true,
  // The machine is shared: one sandbox at a time.
  concurrency: 1,
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 20,
  // Where each promise lives since the sync engine was split and reply intake moved (checked 2026-12-02).
  mutate: [
    // Reply intake: validation, content hash, idempotency and the conflict decision; the stored fingerprints.
    "src/server/http/replyIntake.ts",
    "src/server/db/replies.ts",
    "src/shared/canonicalJson.ts",
    // The phone's outbox and drafts.
    "src/app/store/outbox.ts",
    "src/app/store/drafts.ts",
    // The sync engine: when to run, what a run does, how replies are sent, the status record, triggers, backoff.
    "src/app/sync/syncLoop.ts",
    "src/app/sync/syncRun.ts",
    "src/app/sync/outboxSender.ts",
    "src/app/sync/nextSyncStatus.ts",
    "src/app/sync/syncTriggers.ts",
    "src/app/sync/backoff.ts",
    // Materials download.
    "src/app/sync/materialsDownloader.ts",
    "src/app/sync/downloadQueue.ts",
    "src/app/sync/fileDownload.ts",
    "src/app/sync/fileTransfer.ts",
    "src/app/sync/storageBudget.ts",
    "src/app/store/chunkStore.ts",
    // Packs.
    "src/shared/packs/readPack.ts",
    "src/shared/packs/paths.ts",
    // Report tables and fiscal years.
    "src/shared/report/tables.ts",
    "src/shared/report/fiscalYear.ts",
    "src/server/http/console/workshops.ts",
    // Console auth.
    "src/server/auth/middleware.ts",
    "src/server/auth/sessions.ts",
    "src/server/auth/loginLimiter.ts",
    "src/server/auth/attemptWindows.ts",
  ],
  ignorePatterns: ["dist", "data", "reports", ".ci"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
