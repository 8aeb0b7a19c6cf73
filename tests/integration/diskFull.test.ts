// A full disk answers a clear JSON 507 insufficient_storage on every route that writes — never a raw
// ENOSPC or SQLite's "database or disk is full" — so the phone keeps the reply and tries again later.
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutriggerDatabase } from "../../src/server/db/database";
import { countReplies } from "../../src/server/db/replies";
import { createApp } from "../../src/server/http/app";
import { addOrganiser, signInRequest, TEST_PASSWORD } from "./support/consoleClient";
import { validReply } from "./support/replyFixtures";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase, type Engine } from "./support/testDatabase";

/** The error each engine's driver (or the file system) gives when nothing more can be written. */
function diskFullError(kind: Engine | "filesystem"): Error {
  if (kind === "sqlite")
    return Object.assign(new Error("database or disk is full"), { name: "SqliteError", code: "SQLITE_FULL" });
  if (kind === "postgres")
    return Object.assign(new Error('could not extend file "base/16384/16385": No space left on device'), {
      code: "53100",
      severity: "ERROR",
    });
  return Object.assign(new Error("ENOSPC: no space left on device, write"), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
  });
}

/** Every INSERT, UPDATE or DELETE fails as on a full disk; reads still work. */
function fullDisk(error: () => Error): KyselyPlugin {
  return {
    transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
      if (node.kind === "InsertQueryNode" || node.kind === "UpdateQueryNode" || node.kind === "DeleteQueryNode")
        throw error();
      return node;
    },
    transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
  };
}

describe.each(ENGINES)("a full disk (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  const appOn = (db: OutriggerDatabase) =>
    createApp({ db, now: () => now, staticDir: "/nonexistent-outrigger-dist", mailer: null });

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, now);
    await addOrganiser(ctx.db, "full@example.org", "organiser", now);
  });
  afterAll(() => ctx.close());

  it.each([engine, "filesystem"] as const)(
    "a reply batch answers 507 insufficient_storage (%s error) and nothing is stored",
    async (kind) => {
      const app = appOn(ctx.db.withPlugin(fullDisk(() => diskFullError(kind))));
      const reply = validReply();
      const res = await app.request("/api/replies", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ replies: [reply, validReply()] }),
      });
      expect(res.status).toBe(507);
      const error = await errorOf(res);
      expect(error.code).toBe("insufficient_storage");
      expect(error.message).toMatch(/^The server's disk is full/);
      expect(JSON.stringify(error)).not.toMatch(/ENOSPC|database or disk is full|No space left/);
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    },
  );

  it("signing in to the console answers 507 insufficient_storage when the session cannot be written", async () => {
    const app = appOn(ctx.db.withPlugin(fullDisk(() => diskFullError(engine))));
    const res = await signInRequest(app, "full@example.org", TEST_PASSWORD);
    expect(res.status).toBe(507);
    expect((await errorOf(res)).code).toBe("insufficient_storage");
  });
});
