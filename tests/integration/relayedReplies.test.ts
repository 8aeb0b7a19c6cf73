// POST /api/relayed-replies: per-invitation relay keys, a signed reply file stored once, forged or damaged files refused.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  invitationPath,
  invitationPayload,
  MAX_BATCH_BYTES,
  replyBatchResponse,
  type ReplyBatchResponse,
} from "../../src/shared/api";
import { signRelayedReply, type RelayedReplyFileInput } from "../../src/shared/relay";
import type { ReplyInput } from "../../src/shared/reply";
import { countReplies } from "../../src/server/db/replies";
import { createMigrator, migrateToLatest } from "../../src/server/db/migrate";
import { createApp } from "../../src/server/http/app";
import { INVALID_SIGNATURE_MESSAGE } from "../../src/server/http/relayedReplies";
import { addCampaign, validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { createTestDatabase, ENGINES, openSeededDatabase } from "./support/testDatabase";

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;

describe.each(ENGINES)("POST /api/relayed-replies (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  const relayKeys = new Map<string, string>();

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, now);
    app = createApp({ db: ctx.db, now: () => now, staticDir: "/nonexistent-outrigger-dist" });
    await addCampaign(ctx.db, { id: "test-closed", status: "closed" }, "CLOSED-01", now);
  });
  afterAll(() => ctx.close());

  /** The relay key as the participant's phone gets it: with the invitation. */
  async function relayKeyOf(code: string): Promise<string> {
    let key = relayKeys.get(code);
    if (key === undefined) {
      const res = await app.request(invitationPath(code));
      expect(res.status).toBe(200);
      key = invitationPayload.parse(await res.json()).relayKey;
      if (key === undefined) throw new Error(`invitation ${code} has no relay key`);
      relayKeys.set(code, key);
    }
    return key;
  }

  const signed = async (reply: ReplyInput, keyOf = reply.invitationCode): Promise<RelayedReplyFileInput> =>
    signRelayedReply(reply, await relayKeyOf(keyOf));

  async function postRelayRaw(body: string, contentType = "application/json"): Promise<Response> {
    return await app.request("/api/relayed-replies", {
      method: "POST",
      headers: { "Content-Type": contentType },
      body,
    });
  }

  async function relay(files: unknown[]): Promise<ReplyBatchResponse> {
    const res = await postRelayRaw(JSON.stringify({ replies: files }));
    if (res.status !== 200) throw new Error(`Expected 200, got ${res.status}: ${await res.text()}`);
    return replyBatchResponse.parse(await res.json());
  }

  describe("relay keys", () => {
    it("every invitation gets its own relay key, 32 random bytes in base64, served with the invitation", async () => {
      const keys = await Promise.all(ctx.seed.demoInvitationCodes.map(relayKeyOf));
      for (const key of keys) {
        expect(key).toMatch(BASE64_32_BYTES);
        expect(Buffer.from(key, "base64")).toHaveLength(32);
      }
      expect(new Set(keys).size).toBe(keys.length);
      expect(await relayKeyOf("CLOSED-01")).toMatch(BASE64_32_BYTES);
    });

    it("migration 0003 gives invitations made before it a key each", async () => {
      const test = await createTestDatabase(engine);
      const db = test.open();
      try {
        const migrator = await createMigrator(db);
        const { error } = await migrator.migrateTo("0002_materials");
        if (error) throw error;
        await sql`insert into questionnaires (id, version, definition) values ('q', 1, '{}')`.execute(db);
        await sql`insert into workshops (id, title, kind, mode, fiscal_year) values ('w', 'W', 'regional', 'in-person', '2022/23')`.execute(
          db,
        );
        await sql`insert into campaigns (id, workshop_id, questionnaire_id, questionnaire_version, opens_at, due_at, created_at)
                  values ('c', 'w', 'q', 1, '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z')`.execute(
          db,
        );
        for (const code of ["OLD-A1", "OLD-B2", "OLD-C3"]) {
          await sql`insert into invitations (code, campaign_id, created_at) values (${code}, 'c', '2024-01-01T00:00:00.000Z')`.execute(
            db,
          );
        }
        expect((await migrateToLatest(db)).applied).toContain("0003_relay_keys");
        const rows = await db.selectFrom("invitations").select(["code", "relay_key"]).execute();
        expect(rows).toHaveLength(3);
        for (const row of rows) expect(row.relay_key).toMatch(BASE64_32_BYTES);
        expect(new Set(rows.map((r) => r.relay_key)).size).toBe(3);
      } finally {
        await db.destroy();
        await test.dispose();
      }
    });
  });

  describe("storing", () => {
    it("a valid reply file is stored once, with a receipt", async () => {
      const reply = validReply();
      const { results } = await relay([await signed(reply)]);
      expect(results).toEqual([
        {
          id: reply.id,
          outcome: "stored",
          status: 201,
          receipt: { receiptId: expect.any(String), receivedAt: now.toISOString() },
        },
      ]);
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
      const row = await ctx.db.selectFrom("replies").selectAll().where("id", "=", reply.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers)).toEqual(reply.answers);
      expect(row.invitation_code).toBe("DEMO-TO1");
    });

    it("the same file again is already_stored with the same receipt, and so is the reply sent later by the original phone", async () => {
      const reply = validReply();
      const file = await signed(reply);
      const [first] = (await relay([file])).results;
      if (first.outcome !== "stored") throw new Error(`not stored: ${JSON.stringify(first)}`);
      const [again] = (await relay([file])).results;
      expect(again).toEqual({ id: reply.id, outcome: "already_stored", status: 200, receipt: first.receipt });
      const [fromPhone] = (await postBatch(app, [reply])).results;
      expect(fromPhone).toEqual({ id: reply.id, outcome: "already_stored", status: 200, receipt: first.receipt });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
    });

    it("a reply the phone sent first, then delivered by hand, is already_stored with the phone's receipt", async () => {
      const reply = validReply({ invitationCode: "DEMO-VU2" });
      const [fromPhone] = (await postBatch(app, [reply])).results;
      if (fromPhone.outcome !== "stored") throw new Error("not stored");
      const [relayed] = (await relay([await signed(reply)])).results;
      expect(relayed).toEqual({ id: reply.id, outcome: "already_stored", status: 200, receipt: fromPhone.receipt });
    });

    it("a relayed reply goes through the same checks as a direct one (closed campaign, bad answers, conflict)", async () => {
      const closed = validReply({ campaignId: "test-closed", invitationCode: "CLOSED-01" });
      const badAnswers = validReply({ answers: validAnswers({ email: "not-an-address" }) });
      const original = validReply();
      await relay([await signed(original)]);
      const conflicting = { ...original, answers: validAnswers({ application: "Something else entirely." }) };
      const { results } = await relay([await signed(closed), await signed(badAnswers), await signed(conflicting)]);
      expect(results[0]).toMatchObject({
        id: closed.id,
        outcome: "rejected",
        status: 422,
        error: { code: "campaign_closed" },
      });
      expect(results[1]).toMatchObject({
        id: badAnswers.id,
        outcome: "rejected",
        status: 422,
        error: { code: "invalid_answers" },
      });
      expect(results[2]).toMatchObject({
        id: original.id,
        outcome: "conflict",
        status: 409,
        error: { code: "reply_conflict" },
      });
      expect(await countReplies(ctx.db, { id: closed.id })).toBe(0);
      expect(await countReplies(ctx.db, { id: badAnswers.id })).toBe(0);
    });
  });

  describe("refused files", () => {
    async function rejection(file: unknown) {
      const { results } = await relay([file]);
      const [result] = results;
      if (result.outcome !== "rejected") throw new Error(`expected a rejection, got ${JSON.stringify(result)}`);
      expect(result.status).toBe(422);
      return result;
    }

    it("a changed answer fails the signature and nothing is written", async () => {
      const reply = validReply();
      const file = await signed(reply);
      const tampered = { ...file, reply: { ...file.reply, answers: { ...file.reply.answers, directEffects: "no" } } };
      const result = await rejection(tampered);
      expect(result).toMatchObject({
        id: reply.id,
        error: { code: "invalid_signature", message: INVALID_SIGNATURE_MESSAGE },
      });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    });

    it("a changed signature fails", async () => {
      const reply = validReply();
      const file = await signed(reply);
      const value = Buffer.from(file.signature.value, "base64");
      value[5] ^= 0x10;
      const result = await rejection({ ...file, signature: { ...file.signature, value: value.toString("base64") } });
      expect(result.error.code).toBe("invalid_signature");
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    });

    it("a file signed with another invitation's key fails the signature", async () => {
      const reply = validReply({ invitationCode: "DEMO-TO1" });
      const result = await rejection(await signed(reply, "DEMO-FJ3"));
      expect(result).toMatchObject({ id: reply.id, error: { code: "invalid_signature" } });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    });

    it("moving a signed reply to another invitation fails the signature", async () => {
      const file = await signed(validReply({ invitationCode: "DEMO-FJ3" }));
      const result = await rejection({ ...file, reply: { ...file.reply, invitationCode: "DEMO-TO1" } });
      expect(result.error.code).toBe("invalid_signature");
    });

    it("an unknown invitation is unknown_invitation", async () => {
      const reply = validReply({ invitationCode: "NOPE-XX9" });
      const file = await signRelayedReply(reply, Buffer.alloc(32, 7).toString("base64"));
      const result = await rejection(file);
      expect(result).toMatchObject({ id: reply.id, error: { code: "unknown_invitation" } });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    });

    it.each([
      ["a bare reply, not a file", (f: RelayedReplyFileInput) => f.reply, "reply"],
      ["a wrong format", (f: RelayedReplyFileInput) => ({ ...f, format: "something-else" }), "format"],
      ["a newer format version", (f: RelayedReplyFileInput) => ({ ...f, formatVersion: 2 }), "formatVersion"],
      ["an extra field", (f: RelayedReplyFileInput) => ({ ...f, note: "hi" }), "note"],
      ["no signature", (f: RelayedReplyFileInput) => ({ ...f, signature: undefined }), "signature"],
      [
        "another algorithm",
        (f: RelayedReplyFileInput) => ({ ...f, signature: { ...f.signature, algorithm: "HMAC-SHA1" } }),
        "signature.algorithm",
      ],
      [
        "a reply missing a field",
        (f: RelayedReplyFileInput) => ({ ...f, reply: { ...f.reply, submittedAt: undefined } }),
        "reply.submittedAt",
      ],
    ])("%s is rejected as invalid_reply with details", async (_name, change, path) => {
      const reply = validReply();
      const result = await rejection(change(await signed(reply)));
      expect(result.error.code).toBe("invalid_reply");
      expect(result.error.details?.length).toBeGreaterThan(0);
      expect(result.error.details?.map((d) => d.path)).toContain(path);
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(0);
    });

    it("a batch mixing good and bad files answers each in order, and the good ones are stored", async () => {
      const good1 = validReply();
      const tampered = await signed(validReply());
      tampered.reply.answers = { ...tampered.reply.answers, name: "Someone Else" };
      const wrongKey = validReply({ invitationCode: "DEMO-WS4" });
      const unknown = validReply({ invitationCode: "NOPE-XX9" });
      const good2 = validReply({ invitationCode: "DEMO-PG5" });
      const { results } = await relay([
        await signed(good1),
        tampered,
        await signed(wrongKey, "DEMO-PG5"),
        { format: "outrigger-reply" },
        await signRelayedReply(unknown, Buffer.alloc(32).toString("base64")),
        await signed(good2),
        await signed(good1),
      ]);
      expect(results.map((r) => [r.id, r.outcome, "error" in r ? r.error.code : undefined])).toEqual([
        [good1.id, "stored", undefined],
        [tampered.reply.id, "rejected", "invalid_signature"],
        [wrongKey.id, "rejected", "invalid_signature"],
        ["", "rejected", "invalid_reply"],
        [unknown.id, "rejected", "unknown_invitation"],
        [good2.id, "stored", undefined],
        [good1.id, "rejected", "duplicate_in_batch"],
      ]);
      expect(await countReplies(ctx.db, { id: good1.id })).toBe(1);
      expect(await countReplies(ctx.db, { id: good2.id })).toBe(1);
      for (const id of [tampered.reply.id, wrongKey.id, unknown.id]) expect(await countReplies(ctx.db, { id })).toBe(0);
    });
  });

  describe("the envelope", () => {
    it("a body that is not JSON by content type is a 415", async () => {
      const res = await postRelayRaw(JSON.stringify({ replies: [await signed(validReply())] }), "text/plain");
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe("unsupported_media_type");
    });

    it("a body over 512 KB is a 413", async () => {
      const res = await postRelayRaw(JSON.stringify({ replies: [{ padding: "x".repeat(MAX_BATCH_BYTES) }] }));
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
    });

    it("malformed JSON is a 400 malformed_json", async () => {
      const res = await postRelayRaw('{"replies": [');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("malformed_json");
    });

    it.each([
      ["an empty batch", { replies: [] }, "too_small"],
      ["more than 100 files", { replies: Array.from({ length: 101 }, () => ({})) }, "too_big"],
      ["a bare list", [{}], "invalid_type"],
      ["an envelope with an extra field", { replies: [{}], device: "x" }, "unexpected_field"],
      ["an envelope without replies", { files: [] }, "missing_field"],
    ])("%s is a 400 invalid_batch", async (_name, body, detailCode) => {
      const res = await postRelayRaw(JSON.stringify(body));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("invalid_batch");
      expect(error.details?.map((d) => d.code)).toContain(detailCode);
    });
  });
});
