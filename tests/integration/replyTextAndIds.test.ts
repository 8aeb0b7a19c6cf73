// Replies with text PostgreSQL cannot store, rows the database refuses, and reply ids in upper case: one reply
// never sinks its batch, and a reply id names one reply whatever its case — alike on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invitationPath,
  invitationPayload,
  replyBatchResponse,
  type ReplyBatchResponse,
  type ReplyResult,
} from "../../src/shared/api";
import { answerTagging } from "../../src/shared/feedback";
import { signRelayedReply } from "../../src/shared/relay";
import type { ReplyInput } from "../../src/shared/reply";
import { countReplies } from "../../src/server/db/replies";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededApp, seededConsole, type SeededDatabase, signedInOrganiser } from "./support/consoleFixtures";
import { workshopWithReply } from "./support/curationFixtures";
import { refuseRowsWithAppVersion, validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const NUL = "\u0000";

function rejectionOf(result: ReplyResult | undefined): { code: string; details: { path: string; code: string }[] } {
  if (result?.outcome !== "rejected") throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
  return { code: result.error.code, details: (result.error.details ?? []).map(({ path, code }) => ({ path, code })) };
}

describe.each(ENGINES)("replies the database could not store (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { staticDir: "/nonexistent-outrigger-dist" });

  it("a NUL character in the app version, an answer, a name or a specify text rejects that reply alone, at its path", async () => {
    const good = validReply();
    const inAppVersion = validReply({ appVersion: `0.1.0${NUL}` });
    const inAnswer = validReply({ answers: validAnswers({ application: `We compared${NUL} our steps.` }) });
    const inName = validReply({ answers: validAnswers({ name: `Sela${NUL}Taufa` }) });
    const inSpecify = validReply({
      answers: validAnswers({ followUpActions: { choices: ["shared_materials", "other"], specify: `Briefed${NUL}` } }),
    });
    const good2 = validReply();
    const { results } = await postBatch(seeded.app, [good, inAppVersion, inAnswer, inName, inSpecify, good2]);
    expect(results.map((r) => r.outcome)).toEqual(["stored", "rejected", "rejected", "rejected", "rejected", "stored"]);
    expect(rejectionOf(results[1])).toEqual({
      code: "invalid_reply",
      details: [{ path: "appVersion", code: "nul_character" }],
    });
    expect(rejectionOf(results[2])).toEqual({
      code: "invalid_reply",
      details: [{ path: "answers.application", code: "nul_character" }],
    });
    expect(rejectionOf(results[3])).toEqual({
      code: "invalid_reply",
      details: [{ path: "answers.name", code: "nul_character" }],
    });
    expect(rejectionOf(results[4])).toEqual({
      code: "invalid_reply",
      details: [{ path: "answers.followUpActions.specify", code: "nul_character" }],
    });
    expect(await countReplies(seeded.ctx.db, { id: inAnswer.id })).toBe(0);
    expect(await countReplies(seeded.ctx.db, { id: good2.id })).toBe(1);
  });

  it("a relayed reply file with a NUL character is rejected alone, at its path", async () => {
    const invitation = invitationPayload.parse(await (await seeded.app.request(invitationPath("DEMO-VU2"))).json());
    const sign = (reply: ReplyInput) => signRelayedReply(reply, invitation.relayKey!);
    const bad = validReply({ invitationCode: "DEMO-VU2", answers: validAnswers({ name: `Nul${NUL}` }) });
    const good = validReply({ invitationCode: "DEMO-VU2" });
    const res = await seeded.app.request("/api/relayed-replies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [await sign(bad), await sign(good)] }),
    });
    expect(res.status).toBe(200);
    const { results } = replyBatchResponse.parse(await res.json());
    expect(rejectionOf(results[0])).toEqual({
      code: "invalid_reply",
      details: [{ path: "reply.answers.name", code: "nul_character" }],
    });
    expect(results[1].outcome).toBe("stored");
  });

  it("a reply row the database itself refuses is rejected alone with storage_refused; the rest of its batch is stored", async () => {
    await refuseRowsWithAppVersion(seeded.ctx.db, engine, "9.9.9-refused");
    const before = validReply();
    const refused = validReply({ appVersion: "9.9.9-refused" });
    const after = validReply();
    const { results } = await postBatch(seeded.app, [before, refused, after]);
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [before.id, "stored"],
      [refused.id, "rejected"],
      [after.id, "stored"],
    ]);
    expect(rejectionOf(results[1]).code).toBe("storage_refused");
    expect(results[1]).toMatchObject({ error: { message: expect.stringContaining("contact the organiser") } });
    expect(await countReplies(seeded.ctx.db, { id: refused.id })).toBe(0);
    expect(await countReplies(seeded.ctx.db, { id: after.id })).toBe(1);
  });

  it("a console change with a NUL character is a 400 invalid_request at its path", async () => {
    const me = await signedInOrganiser(seeded.ctx.db, seeded.app, now, "nul@example.org");
    const res = await consoleRequest(seeded.app, "POST", "/api/console/workshops", me, {
      title: `Post-Clearance${NUL} Audit`,
      kind: "sub-regional",
      mode: "in-person",
      startsOn: "2023-08-14",
      endsOn: "2023-08-18",
      administrationCodes: ["FJ"],
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_request");
    expect(error.details?.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: "title", code: "nul_character" },
    ]);
  });
});

describe.each(ENGINES)("reply ids in upper case (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  let ctx: SeededDatabase;
  let app: Hono;
  let uploadDir: string;
  let me: SignedIn;

  beforeAll(async () => {
    uploadDir = mkdtempSync(join(tmpdir(), "outrigger-uploads-"));
    ({ ctx, app } = await seededApp(engine, () => now, {
      staticDir: "/nonexistent-outrigger-dist",
      uploadDir,
      mailer: null,
    }));
    me = await signedInOrganiser(ctx.db, app, now, "case@example.org");
  });
  afterAll(async () => {
    await ctx.close();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it("the same reply id in upper and in lower case is one reply: stored once, then already_stored with the same receipt", async () => {
    const reply = validReply();
    const first = await postBatch(app, [{ ...reply, id: reply.id.toUpperCase() }]);
    expect(first.results[0]).toMatchObject({ id: reply.id, outcome: "stored" });
    const second = await postBatch(app, [reply]);
    expect(second.results[0]).toEqual({ ...first.results[0], outcome: "already_stored", status: 200 });
    expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
    expect(await countReplies(ctx.db, { id: reply.id.toUpperCase() })).toBe(0);
  });

  it("a relayed reply file signed with its id in upper case is the same reply as its lower-case copy", async () => {
    const invitation = invitationPayload.parse(await (await app.request(invitationPath("DEMO-FJ3"))).json());
    const reply = validReply({ invitationCode: "DEMO-FJ3", id: uuidv7().toUpperCase() });
    const res = await app.request("/api/relayed-replies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [await signRelayedReply(reply, invitation.relayKey!)] }),
    });
    const relayed: ReplyBatchResponse = replyBatchResponse.parse(await res.json());
    expect(relayed.results[0]).toMatchObject({ id: reply.id.toLowerCase(), outcome: "stored" });
    const direct = await postBatch(app, [{ ...reply, id: reply.id.toLowerCase() }]);
    expect(direct.results[0]).toMatchObject({ id: reply.id.toLowerCase(), outcome: "already_stored" });
    expect(await countReplies(ctx.db, { id: reply.id.toLowerCase() })).toBe(1);
  });

  it("an attachment upload naming its reply id in upper case finds the reply", async () => {
    const reply = validReply();
    await postBatch(app, [reply]);
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
    const metadata = `replyId ${b64(reply.id.toUpperCase())},attachmentId ${b64(uuidv7())},filename ${b64("report.pdf")},filetype ${b64("application/pdf")}`;
    const res = await app.request("/api/uploads/", {
      method: "POST",
      headers: {
        "Tus-Resumable": "1.0.0",
        Authorization: "Invitation DEMO-TO1",
        "Upload-Length": "10",
        "Upload-Metadata": metadata,
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it("the console tags an answer named by its reply id in upper case", async () => {
    const { replyId } = await workshopWithReply(app, me);
    const res = await consoleRequest(
      app,
      "PUT",
      `/api/console/replies/${replyId.toUpperCase()}/answers/application/tag`,
      me,
      { tag: "success_story", heading: "operational_improvement", quote: false },
    );
    expect(res.status).toBe(200);
    expect(answerTagging.parse(await res.json()).replyId).toBe(replyId);
  });
});
