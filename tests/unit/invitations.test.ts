// Joining by code on the phone: typed codes and pasted links normalised, old and new formats, the campaign stored.
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getJoined } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import {
  JOIN_MESSAGES,
  joinByCode,
  normaliseInvitationCode,
  refreshJoinedCampaigns,
} from "../../src/app/sync/invitations";
import { fakeClock, fakePlatform } from "./support/fakePlatform";
import { invitation, resetDb } from "./support/fixtures";

beforeEach(resetDb);

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const base = fakePlatform({ db, baseUrl: "https://outrigger.test" });

describe("joining by code", () => {
  it("normalises a typed code or a pasted invitation link", () => {
    expect(normaliseInvitationCode("  demo-to1 ")).toBe("DEMO-TO1");
    expect(normaliseInvitationCode("https://outrigger.example.org/join/demo-to1?utm=mail")).toBe("DEMO-TO1");
  });

  it("accepts a new-format code typed in lower case, with spaces, without dashes or with look-alike letters", async () => {
    for (const typed of [
      "7k3q-f9ab-c2de-tl",
      "7K3Q F9AB C2DE TL",
      "7k3qf9abc2detl",
      " 7K3Q-F9AB-C2DE-TL ",
      "7K3Q-F9AB-C2DE-TL",
    ])
      expect(normaliseInvitationCode(typed), typed).toBe("7K3Q-F9AB-C2DE-TL");
    // O is read as 0 and I or L as 1 in the random part only: the administration suffix keeps its letters.
    expect(normaliseInvitationCode("7K3O-F9AB-C2DI-TL")).toBe("7K30-F9AB-C2D1-TL");
    expect(normaliseInvitationCode("q8zt m4vx 9nrh")).toBe("Q8ZT-M4VX-9NRH");
    const fetch = vi.fn(async (_url: string | URL | Request) =>
      json(200, { ...invitation(), code: "7K3Q-F9AB-C2DE-TL" }),
    );
    expect(await joinByCode("7k3q f9ab c2de tl", { ...base, fetch })).toEqual({
      ok: true,
      invitationCode: "7K3Q-F9AB-C2DE-TL",
    });
    expect(String(fetch.mock.calls[0][0])).toBe("https://outrigger.test/api/invitations/7K3Q-F9AB-C2DE-TL?v=2");
  });

  it("keeps old-format codes as they were", () => {
    expect(normaliseInvitationCode("7k3qf9-tl")).toBe("7K3QF9-TL");
    expect(normaliseInvitationCode("DEMO-TO1")).toBe("DEMO-TO1");
  });

  it("joins and stores the campaign from a pasted link", async () => {
    const fetch = vi.fn(async (_url: string | URL | Request) => json(200, invitation()));
    const result = await joinByCode("https://outrigger.example.org/join/demo-to1", { ...base, fetch });
    expect(result).toEqual({ ok: true, invitationCode: "DEMO-TO1" });
    expect(String(fetch.mock.calls[0][0])).toBe("https://outrigger.test/api/invitations/DEMO-TO1?v=2");
    expect(await getJoined("DEMO-TO1")).toBeDefined();
  });

  it("refuses a malformed code without asking the server", async () => {
    const fetch = vi.fn();
    const result = await joinByCode("no!", { ...base, fetch });
    expect(result).toMatchObject({ ok: false, reason: "invalid_code" });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says plainly when no invitation has the code", async () => {
    const fetch = vi.fn(async () => json(404, { error: { code: "not_found", message: "No such invitation" } }));
    expect(await joinByCode("DEMO-XX9", { ...base, fetch })).toEqual({
      ok: false,
      reason: "not_found",
      message: "No invitation has this code. Check it against your e-mail.",
    });
  });

  it("says to wait, not that the server failed, when too many unknown codes were tried from this network", async () => {
    const fetch = vi.fn(
      async () =>
        new Response(JSON.stringify({ error: { code: "too_many_attempts", message: "Too many" } }), {
          status: 429,
          headers: { "Content-Type": "application/json", "Retry-After": "600" },
        }),
    );
    expect(await joinByCode("DEMO-TO1", { ...base, fetch })).toEqual({
      ok: false,
      reason: "too_many_attempts",
      message: JOIN_MESSAGES.too_many_attempts,
    });
    expect(JOIN_MESSAGES.too_many_attempts).toMatch(/wait/);
  });

  it("says plainly when the phone is offline", async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    });
    const result = await joinByCode("DEMO-TO1", { ...base, fetch });
    expect(result).toEqual({
      ok: false,
      reason: "offline",
      message: "You seem to be offline. Joining needs a connection once; after that everything works offline.",
    });
  });

  it("a server error is reported as such, and nothing is stored", async () => {
    const fetch = vi.fn(async () => json(500, { error: { code: "internal", message: "boom" } }));
    expect(await joinByCode("DEMO-TO1", { ...base, fetch })).toMatchObject({ ok: false, reason: "server_error" });
    expect(await getJoined("DEMO-TO1")).toBeUndefined();
  });

  it("a body that is not an invitation (e.g. a sign-in page) is not stored", async () => {
    const fetch = vi.fn(async () => new Response("<html>Log in to Wi-Fi</html>", { status: 200 }));
    expect((await joinByCode("DEMO-TO1", { ...base, fetch })).ok).toBe(false);
    expect(await getJoined("DEMO-TO1")).toBeUndefined();
  });

  it("a refresh leaves an invitation read from the server within the given time, and re-reads it after", async () => {
    const clock = fakeClock("2026-11-20T08:00:00Z");
    await joinByCode("DEMO-TO1", { ...base, clock, fetch: vi.fn(async () => json(200, invitation())) });
    const fetch = vi.fn(async () => json(200, invitation()));
    clock.advance(59 * 60_000);
    const soon = await refreshJoinedCampaigns({ ...base, clock, fetch, skipReadWithinMs: 60 * 60_000 });
    expect(soon.refreshed).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
    clock.advance(60_000);
    const later = await refreshJoinedCampaigns({ ...base, clock, fetch, skipReadWithinMs: 60 * 60_000 });
    expect(later.refreshed).toEqual(["DEMO-TO1"]);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("a refresh reads an invitation stamped later than the phone's clock now says (the clock was set back)", async () => {
    const clock = fakeClock("2026-11-20T08:00:00Z");
    await joinByCode("DEMO-TO1", { ...base, clock, fetch: vi.fn(async () => json(200, invitation())) });
    clock.set("2026-11-19T08:00:00Z");
    const fetch = vi.fn(async () => json(200, invitation()));
    const summary = await refreshJoinedCampaigns({ ...base, clock, fetch, skipReadWithinMs: 60 * 60_000 });
    expect(summary.refreshed).toEqual(["DEMO-TO1"]);
  });

  it("a refresh notices a withdrawn campaign", async () => {
    await joinByCode("DEMO-TO1", { ...base, fetch: vi.fn(async () => json(200, invitation())) });
    const withdrawn = invitation();
    withdrawn.campaign.status = "withdrawn";
    const summary = await refreshJoinedCampaigns({ ...base, fetch: vi.fn(async () => json(200, withdrawn)) });
    expect(summary.refreshed).toEqual(["DEMO-TO1"]);
    expect((await getJoined("DEMO-TO1"))?.campaign.status).toBe("withdrawn");
  });
});
