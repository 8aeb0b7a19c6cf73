// Where the installed project is: the same answer from the TypeScript sources (tests, dev) and from the built server in dist-server/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder above this module that holds package.json (this file sits two levels down in src/, one in dist-server/). */
function findProjectRoot(start: string): string {
  let folder = start;
  for (;;) {
    if (existsSync(join(folder, "package.json"))) return folder;
    const parent = dirname(folder);
    if (parent === folder) return start;
    folder = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
