// Every refusal of a reply the server makes, driven once through POST /api/replies and /api/relayed-replies, carries a
// code of src/shared/replyRefusalCodes.ts, and every code of that list is one the server really answers with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReplyResult } from "../../src/shared/api";
import { signRelayedReply } from "../../src/shared/relay";
import { REPLY_REFUSAL_CODES } from "../../src/shared/replyRefusalCodes";
import { createApp } from "../../src/server/http/app";
import { addCampaign, DAY_MS, refuseRowsWithAppVersion, validAnswers, validReply } from "./support/replyFixtures";
import { postBatch } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const refusalCodes = (results: readonly ReplyResult[]): string[] =>
  results.flatMap((r) => (r.outcome === "rejected" || r.outcome === "conflict" ? [r.error.code] : []));

describe.each(ENGINES)("the codes of a reply's refusals (%s)", (engine) => {
  const now = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;

  /** A reply to a campaign of its own, in the state `campaign` gives it. */
  async function replyToCampaign(id: string, code: string, campaign: Parameters<typeof addCampaign>[1] = { id }) {
    await addCampaign(ctx.db, { ...campaign, id }, code, now);
    return validReply({ campaignId: id, invitationCode: code });
  }

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, now);
    app = createApp({ db: ctx.db, now: () => now, staticDir: "/nonexistent-outrigger-dist" });
    await refuseRowsWithAppVersion(ctx.db, engine, "9.9.9-refused");
  });
  afterAll(() => ctx.close());

  it("drives each refusal once: each answers with a code of the shared list, and the list holds no other", async () => {
    const closed = await replyToCampaign("codes-closed", "CODES-CLOSED", { id: "", status: "closed" });
    const withdrawn = await replyToCampaign("codes-withdrawn", "CODES-WDRAWN", { id: "", status: "withdrawn" });
    const notOpen = await replyToCampaign("codes-later", "CODES-LATER", {
      id: "",
      opensAt: new Date(now.getTime() + DAY_MS).toISOString(),
    });
    const archived = await replyToCampaign("codes-archived", "CODES-ARCHIVE");
    await ctx.db
      .updateTable("campaigns")
      .set({ archived_at: now.toISOString() })
      .where("id", "=", "codes-archived")
      .execute();
    const invitationWithdrawn = await replyToCampaign("codes-inv-wdrawn", "CODES-INVWD");
    await ctx.db
      .updateTable("invitations")
      .set({ withdrawn_at: now.toISOString() })
      .where("code", "=", "CODES-INVWD")
      .execute();
    const first = validReply();
    const sent = await postBatch(app, [
      { id: "not a reply" },
      first,
      first,
      validReply({ campaignId: "no-such-campaign" }),
      validReply({ invitationCode: "NOPE-0000" }),
      closed,
      withdrawn,
      notOpen,
      archived,
      invitationWithdrawn,
      validReply({ questionnaireVersion: 1 }),
      validReply({ answers: validAnswers({ email: "not an address" }) }),
      validReply({ appVersion: "9.9.9-refused" }),
    ]);
    const conflict = await postBatch(app, [{ ...first, answers: validAnswers({ position: "Another position" }) }]);
    const relayed = await app.request("/api/relayed-replies", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ replies: [await signRelayedReply(validReply(), Buffer.alloc(32, 9).toString("base64"))] }),
    });
    const relayedResults = ((await relayed.json()) as { results: ReplyResult[] }).results;

    const codes = [...refusalCodes(sent.results), ...refusalCodes(conflict.results), ...refusalCodes(relayedResults)];
    expect(sent.results[1].outcome).toBe("stored");
    expect(codes).toHaveLength(sent.results.length - 1 + 2);
    for (const code of codes) expect(REPLY_REFUSAL_CODES, code).toContain(code);
    expect([...new Set(codes)].sort()).toEqual([...REPLY_REFUSAL_CODES].sort());
  });
});
