// Hand-carried reply files: signed with the invitation's relay key, verified, delivered in one batch, refusals kept apart.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../src/app/store/db";
import { deliverRelayedReplies } from "../../src/app/sync/relayDelivery";
import { cachedSigningKey, refreshSigningKey } from "../../src/app/sync/signingKeyCache";
import { relayedReplyFile, signRelayedReply, verifyRelayedReply, type RelayedReplyFile } from "../../src/shared/relay";
import type { ReplyInput } from "../../src/shared/reply";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import { resetDb } from "./support/fixtures";

const RELAY_KEY = Buffer.alloc(32, 7).toString("base64");

function reply(id: string): ReplyInput {
  return {
    id,
    campaignId: "fy2223-09-rkc-follow-up",
    invitationCode: "DEMO-TO1",
    questionnaireId: "follow-up",
    questionnaireVersion: 1,
    answers: { name: "Sela Taufa" },
    startedAt: "2026-11-20T08:00:00.000Z",
    submittedAt: "2026-11-20T08:20:00.000Z",
    appVersion: "0.1.0",
  };
}

/** A signed file as the phone keeps it: parsed when it was added (see addRelayedReply). */
const signedFile = async (id: string): Promise<RelayedReplyFile> =>
  relayedReplyFile.parse(await signRelayedReply(reply(id), RELAY_KEY));

const ID_1 = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51";
const ID_2 = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e52";

beforeEach(resetDb);

describe("hand-carried reply files", () => {
  it("verify with the relay key they were signed with and fail once any answer changes", async () => {
    const file = await signRelayedReply(reply(ID_1), RELAY_KEY);
    expect(await verifyRelayedReply(file, RELAY_KEY)).toBe(true);
    const changed = { ...file, reply: { ...file.reply, answers: { name: "Someone else" } } };
    expect(await verifyRelayedReply(changed, RELAY_KEY)).toBe(false);
    expect(await verifyRelayedReply(file, Buffer.alloc(32, 8).toString("base64"))).toBe(false);
  });

  it("are delivered in one batch; delivered ones keep the receipt and refused ones the server's reason", async () => {
    for (const id of [ID_1, ID_2])
      await db.relayedReplies.add({
        id,
        file: await signedFile(id),
        state: "waiting",
        addedAt: new Date().toISOString(),
      });
    const bodies: unknown[] = [];
    const fakeFetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(
        JSON.stringify({
          results: [
            {
              id: ID_1,
              outcome: "stored",
              status: 201,
              receipt: { receiptId: "R-1", receivedAt: "2026-11-24T08:00:00.000Z" },
            },
            {
              id: ID_2,
              outcome: "rejected",
              status: 422,
              error: { code: "invalid_signature", message: "This reply file was changed after it was signed." },
            },
          ],
        }),
        { status: 200, headers: { "content-type": "application/json" } },
      );
    }) as typeof fetch;
    const outcome = await deliverRelayedReplies(fakePlatform({ db, fetch: fakeFetch, baseUrl: "http://server" }));
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: false });
    expect(bodies).toHaveLength(1);
    expect((bodies[0] as { replies: unknown[] }).replies).toHaveLength(2);
    expect(await db.relayedReplies.get(ID_1)).toMatchObject({ state: "delivered", receipt: { receiptId: "R-1" } });
    expect(await db.relayedReplies.get(ID_2)).toMatchObject({
      state: "refused",
      problem: { code: "invalid_signature" },
    });
  });

  /** A stand-in for POST /api/relayed-replies: `answer` decides per batch; every call's reply ids are kept. */
  function relayServer(answer: (ids: string[]) => Response, calls: string[][]): typeof fetch {
    return (async (_url: RequestInfo | URL, init?: RequestInit) => {
      const ids = (JSON.parse(String(init?.body)) as { replies: { reply: { id: string } }[] }).replies.map(
        (f) => f.reply.id,
      );
      calls.push(ids);
      if (calls.length > 20) throw new Error("delivery does not stop");
      return answer(ids);
    }) as typeof fetch;
  }
  const jsonResponse = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const storedResult = (id: string) => ({
    id: id.toLowerCase(),
    outcome: "stored",
    status: 201,
    receipt: { receiptId: `R-${id}`, receivedAt: "2026-11-24T08:00:00.000Z" },
  });
  const ID_3 = "01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e53";

  it("a file the server fails on (500) does not hold back the files after it; it waits for the next run", async () => {
    for (const id of [ID_1, ID_2, ID_3])
      await db.relayedReplies.add({
        id,
        file: await signedFile(id),
        state: "waiting",
        addedAt: new Date(Date.parse("2026-11-24T08:00:00Z") + Number(id.slice(-1))).toISOString(),
      });
    const calls: string[][] = [];
    const fetch = relayServer(
      (ids) =>
        ids.includes(ID_2)
          ? jsonResponse(500, { error: { code: "internal_error", message: "Something went wrong on the server." } })
          : jsonResponse(200, { results: ids.map(storedResult) }),
      calls,
    );
    const outcome = await deliverRelayedReplies(fakePlatform({ db, fetch, baseUrl: "http://server" }));
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: true });
    expect((await db.relayedReplies.get(ID_1))?.state).toBe("delivered");
    expect((await db.relayedReplies.get(ID_2))?.state).toBe("waiting");
    expect((await db.relayedReplies.get(ID_3))?.state).toBe("delivered");
    expect(calls).toEqual([[ID_1, ID_2, ID_3], [ID_1], [ID_2], [ID_3]]);
  });

  it("a full disk on the server (507) keeps every file waiting for a later try", async () => {
    for (const id of [ID_1, ID_2])
      await db.relayedReplies.add({
        id,
        file: await signedFile(id),
        state: "waiting",
        addedAt: new Date().toISOString(),
      });
    const calls: string[][] = [];
    const fetch = relayServer(
      () => jsonResponse(507, { error: { code: "insufficient_storage", message: "The server's disk is full." } }),
      calls,
    );
    const outcome = await deliverRelayedReplies(fakePlatform({ db, fetch, baseUrl: "http://server" }));
    expect(outcome).toEqual({ contact: true, unreachable: false, retry: true });
    expect(calls).toHaveLength(1);
    expect((await db.relayedReplies.get(ID_1))?.state).toBe("waiting");
    expect((await db.relayedReplies.get(ID_2))?.state).toBe("waiting");
  });

  it("results are matched to files in the order sent, even when the server spells the id in lower case", async () => {
    const upper = ID_1.toUpperCase().replace("7C3D", "7c3d");
    // Kept as signed, id in mixed case (as an app before ids were lowercased stored it): a state parsing no longer makes.
    const keptAsSigned = (await signRelayedReply(reply(upper), RELAY_KEY)) as RelayedReplyFile;
    await db.relayedReplies.add({ id: upper, file: keptAsSigned, state: "waiting", addedAt: new Date().toISOString() });
    const calls: string[][] = [];
    const fetch = relayServer((ids) => jsonResponse(200, { results: ids.map(storedResult) }), calls);
    await deliverRelayedReplies(fakePlatform({ db, fetch, baseUrl: "http://server" }));
    expect(calls).toHaveLength(1);
    expect((await db.relayedReplies.get(upper))?.state).toBe("delivered");
  });

  it("stay waiting when the server cannot be reached", async () => {
    await db.relayedReplies.add({
      id: ID_1,
      file: await signedFile(ID_1),
      state: "waiting",
      addedAt: new Date().toISOString(),
    });
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    const outcome = await deliverRelayedReplies(fakePlatform({ db, fetch: offline, baseUrl: "http://server" }));
    expect(outcome.unreachable).toBe(true);
    expect((await db.relayedReplies.get(ID_1))?.state).toBe("waiting");
  });
});

describe("the server's signing key on the phone", () => {
  const key = {
    algorithm: "Ed25519",
    keyId: "abcd1234abcd1234",
    publicKey: Buffer.alloc(32, 1).toString("base64"),
    issuer: "Test office",
  };
  const serving = (calls: string[]) =>
    (async (url: RequestInfo | URL) => {
      calls.push(String(url));
      return new Response(JSON.stringify(key), { status: 200, headers: { "content-type": "application/json" } });
    }) as typeof fetch;

  it("is fetched once and kept for a day, so packs can be checked offline", async () => {
    const calls: string[] = [];
    const clock = fakeClock("2026-11-24T08:00:00Z");
    const platform = fakePlatform({ db, fetch: serving(calls), baseUrl: "http://server", clock });
    await refreshSigningKey(platform);
    clock.advance(60_000);
    await refreshSigningKey(platform);
    expect(calls).toEqual(["http://server/api/signing-key"]);
    expect(await cachedSigningKey()).toEqual(key);
    clock.advance(25 * 3600_000 - 60_000);
    await refreshSigningKey(platform);
    expect(calls).toHaveLength(2);
  });

  it("keeps the cached key when the server cannot be reached", async () => {
    await refreshSigningKey(
      fakePlatform({ db, fetch: serving([]), baseUrl: "http://server", clock: fakeClock("2026-11-20T08:00:00Z") }),
    );
    const offline = (async () => {
      throw new TypeError("Failed to fetch");
    }) as typeof fetch;
    await refreshSigningKey(
      fakePlatform({ db, fetch: offline, baseUrl: "http://server", clock: fakeClock("2026-11-24T08:00:00Z") }),
    );
    expect(await cachedSigningKey()).toEqual(key);
  });
});
