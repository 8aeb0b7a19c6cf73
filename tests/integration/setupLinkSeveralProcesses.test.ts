// First start with several server processes on one database: each prints its own setup link, none spoils another's,
// and the first one used ends them all (the first organiser exists).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/server/http/app";
import { issueSetupTokenIfNoOrganiser, SETUP_TOKEN_LIFETIME_MS } from "../../src/server/auth/setupToken";
import { consoleRequest } from "./support/consoleClient";
import { errorOf } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

describe.each(ENGINES)("setup links of several processes (%s)", (engine) => {
  const clock = new Date("2024-03-01T09:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, clock);
    app = createApp({ db: ctx.db, now: () => clock, trustProxy: true });
  });
  afterAll(() => ctx.close());

  const setUp = (token: string, email: string) =>
    consoleRequest(app, "POST", "/api/console/setup", undefined, {
      token,
      email,
      name: "Office Lead",
      password: "a long enough passphrase",
    });

  it("a link printed by one process still works after another process started; the first used ends both", async () => {
    const expired = await issueSetupTokenIfNoOrganiser(ctx.db, new Date(clock.getTime() - SETUP_TOKEN_LIFETIME_MS));
    const first = (await issueSetupTokenIfNoOrganiser(ctx.db, clock)) as string;
    const second = (await issueSetupTokenIfNoOrganiser(ctx.db, clock)) as string;
    // An expired link is swept when a new one is issued; the two fresh ones are both kept.
    expect(await ctx.db.selectFrom("setup_tokens").select("token_hash").execute()).toHaveLength(2);
    expect(expired).toBeDefined();

    expect((await setUp(first, "lead@example.org")).status).toBe(201);
    const late = await setUp(second, "other@example.org");
    expect(late.status).toBe(403);
    expect((await errorOf(late)).code).toBe("setup_token_invalid");
    expect(await ctx.db.selectFrom("setup_tokens").select("token_hash").execute()).toEqual([]);
  });
});
