// The server's layer rule, held by a test rather than by hope: routes reach the database only through src/server/db/*.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const HTTP_DIR = join(ROOT, "src/server/http");
/** What building a Kysely query or transaction looks like. */
const QUERY_BUILDING = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\.transaction\(|\bsql`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("server layers", () => {
  it("no file under src/server/http builds a database query: each calls a named function of src/server/db", () => {
    const files = sourceFiles(HTTP_DIR);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) =>
          QUERY_BUILDING.test(line) ? [`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
