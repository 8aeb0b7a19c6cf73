// The usual batch (invitations the server remembers) is checked before stored replies are looked up: the insert decides,
// and a reply stored before still gets its own receipt or its conflict, as when the look-up came first.
import { randomUUID } from "node:crypto";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { INVITATION_LOOKUP_FAILURES_PER_SOURCE } from "../../src/shared/accessLimits";
import type { ReplyBatchResponse } from "../../src/shared/api";
import { reply as replySchema, type ReplyInput } from "../../src/shared/reply";
import { createApp } from "../../src/server/http/app";
import { insertReplies } from "../../src/server/db/replies";
import { replyContentHash, replyRow } from "../../src/server/http/replyIntake";
import { addCampaign, DAY_MS, validAnswers, validReply } from "./support/replyFixtures";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

/** Counts the queries that read the replies table. */
function countingReplyReads(): KyselyPlugin & { reads: number } {
  const plugin = {
    reads: 0,
    transformQuery({ node }: Parameters<KyselyPlugin["transformQuery"]>[0]) {
      if (node.kind === "SelectQueryNode" && JSON.stringify(node.from).includes('"replies"')) plugin.reads++;
      return node;
    },
    transformResult: async ({ result }: Parameters<KyselyPlugin["transformResult"]>[0]) => result,
  };
  return plugin;
}

describe.each(ENGINES)("reply intake, checks before the stored look-up (%s)", (engine) => {
  const start = new Date("2024-02-01T10:00:00.000Z");
  let clock = start;
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  const counter = countingReplyReads();

  const send = async (replies: ReplyInput[], source = "198.51.100.20") => {
    const res = await app.request("/api/replies", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Forwarded-For": source },
      body: JSON.stringify({ replies }),
    });
    return { status: res.status, body: (await res.json()) as ReplyBatchResponse };
  };

  /** Stores `reply` as another server process would, straight into the database, with a receipt of its own. */
  const storedElsewhere = async (reply: ReplyInput) => {
    const receipt = { receiptId: randomUUID(), receivedAt: "2024-02-01T09:00:00.000Z" };
    const parsed = replySchema.parse(reply);
    const { written } = await insertReplies(ctx.db, [replyRow(parsed, replyContentHash(parsed), receipt)]);
    expect(written.has(reply.id)).toBe(true);
    return receipt;
  };

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, start);
    app = createApp({ db: ctx.db.withPlugin(counter), now: () => clock, trustProxy: true });
    await addCampaign(
      ctx.db,
      { id: "order-strict-due", lateRepliesAccepted: false, dueOn: "2024-02-02" },
      "ORDER-01",
      start,
    );
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    clock = start;
    // The server remembers the invitations a reply named a moment ago.
    expect(
      (await send([validReply(), validReply({ campaignId: "order-strict-due", invitationCode: "ORDER-01" })])).status,
    ).toBe(200);
    counter.reads = 0;
  });

  it("new replies naming remembered invitations are stored with no look-up of stored replies", async () => {
    const { body } = await send([validReply(), validReply()]);
    expect(body.results.map((r) => r.outcome)).toEqual(["stored", "stored"]);
    expect(counter.reads).toBe(0);
  });

  it("a reply another process stored gets that process's receipt, and other content under its id is a conflict", async () => {
    const reply = validReply();
    const receipt = await storedElsewhere(reply);
    const other = { ...validReply(), answers: validAnswers({ application: "Another account of what changed." }) };
    const otherReceipt = await storedElsewhere(other);
    const { body } = await send([reply, { ...other, answers: validAnswers() }]);
    expect(body.results).toEqual([
      { id: reply.id, outcome: "already_stored", status: 200, receipt },
      {
        id: other.id,
        outcome: "conflict",
        status: 409,
        error: { code: "reply_conflict", message: expect.any(String) },
      },
    ]);
    expect(otherReceipt.receiptId).not.toBe(receipt.receiptId);
  });

  it("a stored reply re-sent after its campaign's due day, late replies refused, still gets its receipt", async () => {
    const reply = validReply({ campaignId: "order-strict-due", invitationCode: "ORDER-01" });
    const first = await send([reply]);
    expect(first.body.results[0].outcome).toBe("stored");
    clock = new Date(start.getTime() + 3 * DAY_MS);
    const again = await send([reply, validReply({ campaignId: "order-strict-due", invitationCode: "ORDER-01" })]);
    expect(again.body.results[0]).toEqual({
      id: reply.id,
      outcome: "already_stored",
      status: 200,
      receipt: first.body.results[0].outcome === "stored" ? first.body.results[0].receipt : undefined,
    });
    expect(again.body.results[1]).toMatchObject({ outcome: "rejected", error: { code: "campaign_closed" } });
  });

  it("stored replies re-sent from a source past the guess limit still get their receipts; a new reply from it gets 429", async () => {
    const source = "203.0.113.40";
    const reply = validReply();
    const first = await send([reply], source);
    expect(first.body.results[0].outcome).toBe("stored");
    for (let i = 0; i < INVITATION_LOOKUP_FAILURES_PER_SOURCE; i++) {
      const res = await app.request(`/api/invitations/ORDER${i}-TO?v=2`, { headers: { "X-Forwarded-For": source } });
      expect(res.status).toBe(404);
    }
    const again = await send([reply], source);
    expect(again.status).toBe(200);
    expect(again.body.results[0].outcome).toBe("already_stored");
    expect((await send([validReply()], source)).status).toBe(429);
  });

  it("a batch naming one unknown code many times counts as one failed look-up: its source can still send", async () => {
    const source = "203.0.113.41";
    const unknownCode = Array.from({ length: INVITATION_LOOKUP_FAILURES_PER_SOURCE + 1 }, () =>
      validReply({ invitationCode: "NOBODY-99" }),
    );
    const first = await send(unknownCode, source);
    expect(first.status).toBe(200);
    expect(new Set(first.body.results.map((r) => (r.outcome === "rejected" ? r.error.code : r.outcome)))).toEqual(
      new Set(["unknown_invitation"]),
    );
    const next = await send([validReply({ invitationCode: "NOBODY-98" })], source);
    expect(next.status).toBe(200);
  });
});
