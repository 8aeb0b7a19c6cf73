// Invitation codes cannot be guessed without limit: failed look-ups are counted per source on every route that takes a code.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INVITATION_LOOKUP_FAILURES_PER_SOURCE, INVITATION_LOOKUP_WINDOW_MS } from "../../src/shared/accessLimits";
import { invitationPayload } from "../../src/shared/api";
import { createApp } from "../../src/server/http/app";
import { insertInvitations } from "../../src/server/db/invitations";
import { DEMO_CAMPAIGN_ID } from "../../src/server/db/seedData";
import { sourceOfAddress } from "../../src/server/http/clientAddress";
import { validReply } from "./support/replyFixtures";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const LIMIT = INVITATION_LOOKUP_FAILURES_PER_SOURCE;

describe.each(ENGINES)("invitation look-up limits (%s)", (engine) => {
  let clock = new Date("2024-02-01T10:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  const from = (source: string) => ({ "X-Forwarded-For": source });
  const lookUp = (code: string, source: string) =>
    Promise.resolve(app.request(`/api/invitations/${encodeURIComponent(code)}?v=2`, { headers: from(source) }));

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, clock);
    app = createApp({ db: ctx.db, now: () => clock, trustProxy: true });
  });
  afterAll(() => ctx.close());

  it(`after ${LIMIT} unknown codes from one source, even a right code from it gets 429 with Retry-After; another source is unaffected; after the window it works`, async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await lookUp(`GUESS${i}-TO`, "203.0.113.7");
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("unknown_invitation");
    }
    const limited = await lookUp("DEMO-TO1", "203.0.113.7");
    expect(limited.status).toBe(429);
    expect((await errorOf(limited)).code).toBe("too_many_attempts");
    const retryAfter = Number(limited.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(INVITATION_LOOKUP_WINDOW_MS / 1000);

    expect((await lookUp("DEMO-TO1", "198.51.100.1")).status).toBe(200);

    clock = new Date(clock.getTime() + retryAfter * 1000);
    const later = await lookUp("DEMO-TO1", "203.0.113.7");
    expect(later.status).toBe(200);
    expect(invitationPayload.parse(await later.json()).code).toBe("DEMO-TO1");
  });

  it("right codes never count: a workshop room behind one address can open many invitations", async () => {
    for (let i = 0; i < LIMIT * 2; i++)
      expect((await lookUp(["DEMO-TO1", "DEMO-VU2", "DEMO-FJ3"][i % 3], "192.0.2.50")).status).toBe(200);
  });

  it(`50 wrong codes sent at the same moment: at most ${LIMIT} are looked up, the rest get 429`, async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => lookUp(`BURST${i}-TO`, "203.0.113.8")));
    expect(answers.filter((r) => r.status === 404).length).toBeLessThanOrEqual(LIMIT);
    expect(answers.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(50 - LIMIT);
  });

  it("feedback, materials, blobs, uploads and replies share the count, and each answers 429 with Retry-After past it", async () => {
    const source = "203.0.113.9";
    const guesses = Array.from({ length: LIMIT }, (_, i) => `MIXED${i}-FJ`);
    const routes: ((code: string) => Promise<Response>)[] = [
      (code) => Promise.resolve(app.request(`/api/invitations/${code}/feedback`, { headers: from(source) })),
      (code) =>
        Promise.resolve(
          app.request("/api/workshops/fy2223-09-rkc/materials", {
            headers: { ...from(source), Authorization: `Invitation ${code}` },
          }),
        ),
      (code) =>
        Promise.resolve(app.request(`/api/blobs/${"a".repeat(64)}?invitation=${code}`, { headers: from(source) })),
      (code) =>
        Promise.resolve(
          app.request("/api/uploads/", {
            method: "POST",
            headers: {
              ...from(source),
              Authorization: `Invitation ${code}`,
              "Tus-Resumable": "1.0.0",
              "Upload-Length": "10",
            },
          }),
        ),
      (code) =>
        Promise.resolve(
          app.request("/api/replies", {
            method: "POST",
            headers: { ...from(source), "Content-Type": "application/json" },
            body: JSON.stringify({ replies: [validReply({ invitationCode: code })] }),
          }),
        ),
    ];
    const statuses: number[] = [];
    for (const [i, code] of guesses.entries()) statuses.push((await routes[i % routes.length](code)).status);
    // Each guess failed the way its route says "no such invitation".
    expect(statuses).toEqual(guesses.map((_, i) => [404, 401, 401, 401, 200][i % routes.length]));
    for (const route of routes) {
      const res = await route("DEMO-FJ3");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    }
    expect((await lookUp("DEMO-FJ3", source)).status).toBe(429);
  });

  it("a batch of replies naming many unknown codes is refused with 429 once the limit is reached, and stores nothing", async () => {
    const replies = Array.from({ length: LIMIT + 5 }, (_, i) => validReply({ invitationCode: `BATCH${i}-WS` }));
    const res = await app.request("/api/replies", {
      method: "POST",
      headers: { ...from("203.0.113.10"), "Content-Type": "application/json" },
      body: JSON.stringify({ replies }),
    });
    expect(res.status).toBe(429);
    expect((await errorOf(res)).code).toBe("too_many_attempts");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    const stored = await ctx.db
      .selectFrom("replies")
      .select("id")
      .where(
        "id",
        "in",
        replies.map((r) => r.id),
      )
      .execute();
    expect(stored).toEqual([]);
  });

  const sendReply = (code: string, source: string) =>
    Promise.resolve(
      app.request("/api/replies", {
        method: "POST",
        headers: { ...from(source), "Content-Type": "application/json" },
        body: JSON.stringify({ replies: [validReply({ invitationCode: code })] }),
      }),
    );

  it("a code a reply named a moment ago (so the server remembers it) is refused too once its source passes the limit", async () => {
    const source = "203.0.113.11";
    expect((await sendReply("DEMO-WS4", source)).status).toBe(200);
    for (let i = 0; i < LIMIT; i++) expect((await lookUp(`AGAIN${i}-WS`, source)).status).toBe(404);
    const refused = await sendReply("DEMO-WS4", source);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  // Several server processes share PostgreSQL's count; a reservation holds a lock on its source while it decides.
  it.runIf(engine === "postgres")(
    "a reply naming a known invitation does not wait for a guess from its source being decided meanwhile",
    async () => {
      const source = "203.0.113.12";
      expect((await sendReply("DEMO-PG5", source)).status).toBe(200);
      let releaseLock = () => {};
      let lockTaken = () => {};
      const taken = new Promise<void>((resolve) => (lockTaken = resolve));
      const holder = ctx.db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${`lookup-source:${sourceOfAddress(source)}`}, 0))`.execute(
          tx,
        );
        lockTaken();
        await new Promise<void>((resolve) => (releaseLock = resolve));
      });
      await taken;
      try {
        const reply = sendReply("DEMO-PG5", source).then((res) => res.status);
        const waited = new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), 20_000));
        expect(await Promise.race([reply, waited])).toBe(200);
      } finally {
        releaseLock();
        await holder;
      }
    },
    60_000,
  );

  it("an old-format code (six letters and the administration) still resolves, and a new one typed loosely does too", async () => {
    await insertInvitations(
      ctx.db,
      [
        {
          code: "7K3QF9-TL",
          campaignId: DEMO_CAMPAIGN_ID,
          participantName: "Old Format",
          email: "old@example.org",
          administrationCode: "TL",
        },
        {
          code: "Q8ZT-M4VX-9NRH-TL",
          campaignId: DEMO_CAMPAIGN_ID,
          participantName: "New Format",
          email: "new@example.org",
          administrationCode: "TL",
        },
      ],
      clock,
    );
    const old = await lookUp(" 7k3qf9-tl ", "192.0.2.60");
    expect(old.status).toBe(200);
    expect(invitationPayload.parse(await old.json()).code).toBe("7K3QF9-TL");
    const typed = await lookUp("q8zt m4vx 9nrh tl", "192.0.2.60");
    expect(typed.status).toBe(200);
    expect(invitationPayload.parse(await typed.json()).code).toBe("Q8ZT-M4VX-9NRH-TL");
  });
});
