// The project's vitest config for mutation runs: the unit and integration projects, without the browser tests.
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import base from "../../vite.config";

const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    projects: projects
      .filter((p) => p.test?.name !== "e2e")
      // Instrumented code on a shared machine runs several times slower: a timeout is a hang, not a slow pass.
      .map((p) => ({ ...p, test: { ...p.test, testTimeout: Math.max(p.test?.testTimeout ?? 0, 60_000) } })),
  },
});
