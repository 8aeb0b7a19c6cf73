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
  mutate: [
    "src/server/http/replyIntake.ts",
    "src/shared/canonicalJson.ts",
    "src/app/store/outbox.ts",
    "src/app/store/drafts.ts",
    "src/app/sync/syncEngine.ts",
    "src/app/sync/backoff.ts",
    "src/app/sync/materialsDownloader.ts",
    "src/app/sync/downloadQueue.ts",
    "src/app/sync/fileDownload.ts",
    "src/app/sync/fileTransfer.ts",
    "src/app/sync/storageBudget.ts",
    "src/app/store/chunkStore.ts",
    "src/shared/packs/readPack.ts",
    "src/shared/packs/paths.ts",
    "src/shared/report/tables.ts",
    "src/shared/report/fiscalYear.ts",
    "src/server/http/console/workshops.ts",
    "src/server/auth/middleware.ts",
    "src/server/auth/sessions.ts",
    "src/server/auth/loginLimiter.ts",
  ],
  ignorePatterns: ["dist", "data", "reports", ".ci"],
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
