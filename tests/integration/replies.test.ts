// POST /api/replies: a reply stored once with a receipt, re-sends and races answered the same, batches judged reply by reply.
import { randomUUID } from "node:crypto";
import type { KyselyPlugin, QueryId } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAX_BATCH_BYTES } from "../../src/shared/api";
import { reply as replySchema, type ReplyInput } from "../../src/shared/reply";
import { createApp } from "../../src/server/http/app";
import { replyContentHash, takeReplies } from "../../src/server/http/replyIntake";
import { findInvitation } from "../../src/server/db/invitations";
import { countReplies, insertReplies } from "../../src/server/db/replies";
import { addCampaign, DAY_MS, validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch, postRaw } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

/** Runs `meanwhile` once, right after the first look-up of stored replies: a concurrent request's insert landing between our look-up and our insert. */
function betweenLookupAndInsert(meanwhile: () => Promise<void>): KyselyPlugin {
  const lookups = new Set<QueryId>();
  let done = false;
  return {
    transformQuery({ node, queryId }) {
      if (node.kind === "SelectQueryNode" && JSON.stringify(node.from).includes('"replies"')) lookups.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (!done && lookups.has(queryId)) {
        done = true;
        await meanwhile();
      }
      return result;
    },
  };
}

describe.each(ENGINES)("POST /api/replies (%s)", (engine) => {
  const start = new Date("2024-02-01T10:00:00.000Z");
  let clock = start;
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, start);
    app = createApp({ db: ctx.db, now: () => clock });
    await addCampaign(ctx.db, { id: "test-closed", status: "closed" }, "CLOSED-01", start);
    await addCampaign(ctx.db, { id: "test-withdrawn", status: "withdrawn" }, "WITHDRAWN-01", start);
    await addCampaign(
      ctx.db,
      { id: "test-strict-due", lateRepliesAccepted: false, dueOn: "2024-02-02" },
      "STRICT-01",
      start,
    );
    await addCampaign(
      ctx.db,
      { id: "test-late-ok", lateRepliesAccepted: true, dueOn: "2024-02-02" },
      "LATEOK-01",
      start,
    );
  });
  afterAll(() => ctx.close());
  beforeEach(() => {
    clock = start;
  });

  describe("storing", () => {
    it("a valid reply is stored once and gets a receipt", async () => {
      const reply = validReply();
      const { results } = await postBatch(app, [reply]);
      expect(results).toHaveLength(1);
      const [result] = results;
      expect(result).toMatchObject({ id: reply.id, outcome: "stored", status: 201 });
      if (result.outcome !== "stored") throw new Error("not stored");
      expect(result.receipt.receivedAt).toBe(start.toISOString());
      expect(result.receipt.receiptId).not.toBe("");
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
      const row = await ctx.db.selectFrom("replies").selectAll().where("id", "=", reply.id).executeTakeFirstOrThrow();
      expect(JSON.parse(row.answers)).toEqual(reply.answers);
      expect(row.content_hash).toBe(replyContentHash(replySchema.parse(reply)));
    });

    it("a reply re-sent after a lost response is stored once and gets the same receipt back", async () => {
      const reply = validReply();
      const first = await postBatch(app, [reply]);
      clock = new Date(start.getTime() + 60_000);
      // Same content with the keys in another order: still the same reply.
      const reordered = Object.fromEntries(Object.entries(reply).reverse());
      const second = await postBatch(app, [reordered]);
      expect(second.results[0]).toEqual({
        id: reply.id,
        outcome: "already_stored",
        status: 200,
        receipt: (first.results[0] as { receipt: unknown }).receipt,
      });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
    });

    it("a stored reply re-sent after its campaign closed still gets its receipt", async () => {
      const reply = validReply({ campaignId: "test-strict-due", invitationCode: "STRICT-01" });
      const first = await postBatch(app, [reply]);
      expect(first.results[0].outcome).toBe("stored");
      clock = new Date(start.getTime() + 3 * DAY_MS);
      const second = await postBatch(app, [reply]);
      expect(second.results[0].outcome).toBe("already_stored");
    });

    it("the same id with different content is a 409 conflict and the stored reply is kept", async () => {
      const reply = validReply();
      await postBatch(app, [reply]);
      const changed = { ...reply, answers: validAnswers({ application: "Something else entirely." }) };
      const { results } = await postBatch(app, [changed]);
      expect(results[0]).toMatchObject({
        id: reply.id,
        outcome: "conflict",
        status: 409,
        error: {
          code: "reply_conflict",
          message: "A different reply with the same id is already stored. The stored reply was kept.",
        },
      });
      const row = await ctx.db
        .selectFrom("replies")
        .select("content_hash")
        .where("id", "=", reply.id)
        .executeTakeFirstOrThrow();
      expect(row.content_hash).toBe(replyContentHash(replySchema.parse(reply)));
    });

    it.each([
      ["campaignId", { campaignId: "test-late-ok" }],
      ["invitationCode", { invitationCode: "DEMO-FJ3" }],
      ["questionnaireVersion", { questionnaireVersion: 1 }],
      ["startedAt", { startedAt: "2024-01-10T08:01:00.000Z" }],
      ["submittedAt", { submittedAt: "2024-01-10T08:21:00.000Z" }],
      ["appVersion", { appVersion: "0.1.1" }],
    ] as const)("the same id and answers with another %s is a conflict, not a repeat", async (_field, change) => {
      const reply = validReply();
      const first = await postBatch(app, [reply]);
      expect(first.results[0].outcome).toBe("stored");
      const { results } = await postBatch(app, [{ ...reply, ...change }]);
      expect(results[0]).toMatchObject({
        id: reply.id,
        outcome: "conflict",
        status: 409,
        error: { code: "reply_conflict" },
      });
      const row = await ctx.db.selectFrom("replies").selectAll().where("id", "=", reply.id).executeTakeFirstOrThrow();
      expect([row.campaign_id, row.invitation_code, row.submitted_at, row.app_version]).toEqual([
        reply.campaignId,
        reply.invitationCode,
        reply.submittedAt,
        reply.appVersion,
      ]);
    });

    it("the same id with its answers' keys in another order, down to a multiple-choice answer, is the same reply", async () => {
      const reply = validReply({
        answers: validAnswers({
          followUpActions: { choices: ["shared_materials", "other"], specify: "Briefed the port authority" },
        }),
      });
      const first = await postBatch(app, [reply]);
      // Schema parsing rebuilds objects in schema order, but `answers` is a record and keeps the order sent.
      const answers = Object.fromEntries(
        Object.entries({
          ...reply.answers,
          followUpActions: { specify: "Briefed the port authority", choices: ["shared_materials", "other"] },
        }).reverse(),
      );
      const reordered = { ...reply, answers };
      expect(Object.keys(reordered.answers)[0]).toBe("newProjects");
      const second = await postBatch(app, [reordered]);
      expect(second.results[0]).toEqual({
        id: reply.id,
        outcome: "already_stored",
        status: 200,
        receipt: (first.results[0] as { receipt: unknown }).receipt,
      });
    });

    it("the same reply sent by several requests at once is written once, all with one receipt", async () => {
      const reply = validReply();
      const responses = await Promise.all(Array.from({ length: 5 }, () => postBatch(app, [reply])));
      const outcomes = responses.map((r) => r.results[0].outcome).sort();
      expect(outcomes).toEqual(["already_stored", "already_stored", "already_stored", "already_stored", "stored"]);
      const receipts = new Set(responses.map((r) => JSON.stringify((r.results[0] as { receipt: unknown }).receipt)));
      expect(receipts.size).toBe(1);
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
    });

    describe("a concurrent request stores the same id between our look-up and our insert", () => {
      let rivalReceipt = { receiptId: "", receivedAt: "2024-02-01T09:59:59.000Z" };
      /** Takes `ours` while another handle on the database stores `theirs` at the worst moment. */
      async function raceAgainst(ours: ReplyInput, theirs: ReplyInput) {
        rivalReceipt = { ...rivalReceipt, receiptId: randomUUID() };
        const other = ctx.test.open();
        try {
          const racing = ctx.db.withPlugin(
            betweenLookupAndInsert(async () => {
              const written = await insertReplies(other, [
                {
                  id: theirs.id,
                  campaign_id: theirs.campaignId,
                  invitation_code: theirs.invitationCode,
                  questionnaire_id: theirs.questionnaireId,
                  questionnaire_version: theirs.questionnaireVersion,
                  answers: JSON.stringify(theirs.answers),
                  started_at: theirs.startedAt,
                  submitted_at: theirs.submittedAt,
                  app_version: theirs.appVersion,
                  content_hash: replyContentHash(replySchema.parse(theirs)),
                  receipt_id: rivalReceipt.receiptId,
                  received_at: rivalReceipt.receivedAt,
                },
              ]);
              expect(written.written.has(theirs.id)).toBe(true);
            }),
          );
          return await takeReplies([ours], {
            db: racing,
            now: () => clock,
            findInvitation: (code) => findInvitation(racing, code),
          });
        } finally {
          await other.destroy();
        }
      }

      it("with other content: ours is a conflict and theirs is kept", async () => {
        const theirs = validReply();
        const ours = { ...theirs, answers: validAnswers({ application: "A different account of what changed." }) };
        const [result] = await raceAgainst(ours, theirs);
        expect(result).toMatchObject({
          id: ours.id,
          outcome: "conflict",
          status: 409,
          error: { code: "reply_conflict" },
        });
        const row = await ctx.db
          .selectFrom("replies")
          .select(["content_hash", "receipt_id"])
          .where("id", "=", ours.id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({
          content_hash: replyContentHash(replySchema.parse(theirs)),
          receipt_id: rivalReceipt.receiptId,
        });
      });

      it("with the same content: ours is already stored with their receipt", async () => {
        const reply = validReply();
        const [result] = await raceAgainst(reply, reply);
        expect(result).toEqual({ id: reply.id, outcome: "already_stored", status: 200, receipt: rivalReceipt });
        expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
      });
    });

    it("a batch of 100 replies is stored with one result per reply, in order", async () => {
      const replies = Array.from({ length: 100 }, () => validReply());
      const { results } = await postBatch(app, replies);
      expect(results.map((r) => r.id)).toEqual(replies.map((r) => r.id));
      expect(results.every((r) => r.outcome === "stored")).toBe(true);
    });
  });

  describe("batches", () => {
    it("a duplicate id later in the same batch is rejected and only the first copy is stored", async () => {
      const reply = validReply();
      const { results } = await postBatch(app, [reply, reply]);
      expect(results[0].outcome).toBe("stored");
      expect(results[1]).toMatchObject({
        id: reply.id,
        outcome: "rejected",
        status: 422,
        error: { code: "duplicate_in_batch" },
      });
      expect(await countReplies(ctx.db, { id: reply.id })).toBe(1);
    });

    it("one bad reply in a batch does not block the others and writes nothing itself", async () => {
      const good1 = validReply();
      const bad = validReply({ answers: validAnswers({ email: "not-an-address" }) });
      const good2 = validReply();
      const { results } = await postBatch(app, [good1, bad, good2]);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [good1.id, "stored"],
        [bad.id, "rejected"],
        [good2.id, "stored"],
      ]);
      expect(await countReplies(ctx.db, { id: bad.id })).toBe(0);
      expect(await countReplies(ctx.db, { id: good2.id })).toBe(1);
    });

    it("a batch mixing every outcome gets exactly one result per reply, in the order sent (the phone's fake server leaves some out only to test the phone)", async () => {
      const earlier = validReply();
      const changed = validReply();
      await postBatch(app, [earlier, changed]);
      const fresh = validReply();
      const refused = validReply({ campaignId: "no-such-campaign" });
      const batch = [fresh, earlier, { ...changed, appVersion: "9.9.9" }, refused, fresh, { id: "not-a-reply" }];
      const { results } = await postBatch(app, batch);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        [fresh.id, "stored"],
        [earlier.id, "already_stored"],
        [changed.id, "conflict"],
        [refused.id, "rejected"],
        [fresh.id, "rejected"],
        ["not-a-reply", "rejected"],
      ]);
    });

    it("an item that is null, a number or has a non-text id is rejected with an empty id; the rest is stored", async () => {
      const good = validReply();
      const { results } = await postBatch(app, [null, 7, { ...validReply(), id: 42 }, good]);
      expect(results.map((r) => [r.id, r.outcome])).toEqual([
        ["", "rejected"],
        ["", "rejected"],
        ["", "rejected"],
        [good.id, "stored"],
      ]);
      expect(results.slice(0, 3).map((r) => (r.outcome === "rejected" ? r.error.code : r.outcome))).toEqual([
        "invalid_reply",
        "invalid_reply",
        "invalid_reply",
      ]);
    });

    it("malformed JSON is a 400 malformed_json", async () => {
      const res = await postRaw(app, '{"replies": [');
      expect(res.status).toBe(400);
      expect((await errorOf(res)).code).toBe("malformed_json");
    });

    it("a body that is not JSON by content type is a 415", async () => {
      const res = await postRaw(app, JSON.stringify({ replies: [validReply()] }), "text/plain");
      expect(res.status).toBe(415);
      expect((await errorOf(res)).code).toBe("unsupported_media_type");
    });

    it("a body over the batch limit is a 413", async () => {
      const padding = "x".repeat(MAX_BATCH_BYTES);
      const res = await postRaw(app, JSON.stringify({ replies: [validReply({ appVersion: padding })] }));
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
    });

    it("more than 100 replies in a batch is a 400 invalid_batch", async () => {
      const res = await postRaw(app, JSON.stringify({ replies: Array.from({ length: 101 }, () => validReply()) }));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("invalid_batch");
      expect(error.details).toEqual([{ path: "replies", code: "too_big", message: expect.stringContaining("100") }]);
      expect(await countReplies(ctx.db, { campaignId: "nothing" })).toBe(0);
    });

    it.each([
      ["an empty batch", { replies: [] }, "too_small"],
      ["a bare list", [validReply()], "invalid_type"],
      ["an envelope with an extra field", { replies: [validReply()], device: "x" }, "unexpected_field"],
      ["an envelope without replies", { items: [] }, "unexpected_field"],
    ])("%s is a 400 invalid_batch", async (_name, body, detailCode) => {
      const res = await postRaw(app, JSON.stringify(body));
      expect(res.status).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe("invalid_batch");
      expect(error.details?.map((d) => d.code)).toContain(detailCode);
    });
  });

  describe("rejected replies", () => {
    async function rejection(reply: unknown) {
      const { results } = await postBatch(app, [reply]);
      const [result] = results;
      if (result.outcome !== "rejected") throw new Error(`expected a rejection, got ${result.outcome}`);
      expect(result.status).toBe(422);
      return result.error;
    }

    it("a reply with a missing field is rejected as invalid_reply naming the field", async () => {
      const { submittedAt: _dropped, ...reply } = validReply();
      const error = await rejection(reply);
      expect(error.code).toBe("invalid_reply");
      expect(error.details).toEqual([
        {
          path: "submittedAt",
          code: "missing_field",
          message: '"submittedAt" is missing.',
          problem: { code: "fieldMissing", params: { field: '"submittedAt"' } },
        },
      ]);
    });

    it("a reply with an extra field is rejected as invalid_reply naming the field", async () => {
      const error = await rejection({ ...validReply(), deviceId: "abc" });
      expect(error.code).toBe("invalid_reply");
      expect(error.details).toEqual([
        { path: "deviceId", code: "unexpected_field", message: expect.any(String), problem: expect.any(Object) },
      ]);
    });

    it("a reply whose id is not a UUID v7 is rejected with a plain message", async () => {
      const error = await rejection(validReply({ id: "1234" }));
      expect(error.details).toEqual([
        { path: "id", code: "invalid_format", message: '"id" must be a UUID version 7.' },
      ]);
    });

    it("a reply to an unknown campaign is rejected", async () => {
      expect((await rejection(validReply({ campaignId: "no-such-campaign" }))).code).toBe("unknown_campaign");
    });

    it("a reply with an invitation of another campaign is rejected", async () => {
      expect((await rejection(validReply({ invitationCode: "CLOSED-01" }))).code).toBe("unknown_invitation");
      expect((await rejection(validReply({ invitationCode: "NOBODY-01" }))).code).toBe("unknown_invitation");
    });

    it("a reply to a closed campaign is rejected", async () => {
      expect((await rejection(validReply({ campaignId: "test-closed", invitationCode: "CLOSED-01" }))).code).toBe(
        "campaign_closed",
      );
    });

    it("a reply to a withdrawn campaign is rejected", async () => {
      expect((await rejection(validReply({ campaignId: "test-withdrawn", invitationCode: "WITHDRAWN-01" }))).code).toBe(
        "campaign_withdrawn",
      );
    });

    it("after the due date a reply is stored when late replies are allowed", async () => {
      clock = new Date(start.getTime() + 2 * DAY_MS);
      const { results } = await postBatch(app, [
        validReply({ campaignId: "test-late-ok", invitationCode: "LATEOK-01" }),
      ]);
      expect(results[0].outcome).toBe("stored");
    });

    it("a reply sent late on the due day in Pago Pago (UTC−11), already the next day in Tonga, is on time", async () => {
      // 23:30 on 2 Feb in Pago Pago; 3 Feb in UTC and in Tonga.
      clock = new Date("2024-02-03T10:30:00.000Z");
      const stillDueDay = validReply({ campaignId: "test-strict-due", invitationCode: "STRICT-01" });
      expect((await postBatch(app, [stillDueDay])).results[0].outcome).toBe("stored");
    });

    it("after the due date a reply is rejected when late replies are not allowed", async () => {
      const onTime = validReply({ campaignId: "test-strict-due", invitationCode: "STRICT-01" });
      expect((await postBatch(app, [onTime])).results[0].outcome).toBe("stored");
      // The due day (2 Feb) has ended everywhere on Earth: midnight at UTC−12.
      clock = new Date("2024-02-03T12:00:00.000Z");
      const late = validReply({ campaignId: "test-strict-due", invitationCode: "STRICT-01" });
      expect((await rejection(late)).code).toBe("campaign_closed");
      expect(await countReplies(ctx.db, { id: late.id })).toBe(0);
    });

    it("a reply made for another questionnaire version is rejected", async () => {
      expect((await rejection(validReply({ questionnaireVersion: 1 }))).code).toBe("wrong_questionnaire_version");
    });

    it("an answer to a hidden question is rejected", async () => {
      const error = await rejection(validReply({ answers: validAnswers({ directEffects: "no" }) }));
      expect(error.code).toBe("invalid_answers");
      expect(error.details).toEqual([
        { path: "answers.directEffectsDescription", code: "hidden_question", message: expect.any(String) },
      ]);
    });

    it("an answer to a question not in this version is rejected", async () => {
      const error = await rejection(validReply({ answers: validAnswers({ favouriteColour: "blue" }) }));
      expect(error.details).toEqual([
        { path: "answers.favouriteColour", code: "unknown_question", message: expect.any(String) },
      ]);
    });

    it("an administration that is not a member is rejected", async () => {
      const error = await rejection(validReply({ answers: validAnswers({ administration: "XX" }) }));
      expect(error.details).toEqual([
        { path: "answers.administration", code: "invalid_choice", message: expect.any(String) },
      ]);
    });

    it("a 6000-character long text under the body limit is rejected as too long", async () => {
      const error = await rejection(validReply({ answers: validAnswers({ application: "a".repeat(6000) }) }));
      expect(error.details).toEqual([
        { path: "answers.application", code: "too_long", message: expect.stringContaining("5,000") },
      ]);
    });

    it("a multi-megabyte text in one answer is stopped by the body limit", async () => {
      const res = await postRaw(
        app,
        JSON.stringify({
          replies: [validReply({ answers: validAnswers({ application: "a".repeat(3 * 1024 * 1024) }) })],
        }),
      );
      expect(res.status).toBe(413);
      expect((await errorOf(res)).code).toBe("payload_too_large");
    });

    it("an invalid e-mail address is rejected", async () => {
      const error = await rejection(validReply({ answers: validAnswers({ email: "sela at example" }) }));
      expect(error.details).toEqual([{ path: "answers.email", code: "invalid_email", message: expect.any(String) }]);
    });

    it("a missing required answer is rejected", async () => {
      const answers = validAnswers();
      delete answers.application;
      const error = await rejection(validReply({ answers }));
      expect(error.details).toEqual([{ path: "answers.application", code: "required", message: expect.any(String) }]);
    });
  });
});
