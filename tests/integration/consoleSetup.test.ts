// First start of the console: the one-time setup token creates the first organiser; admin:create checks e-mail and password.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleSession } from "../../src/shared/console";
import { AdminInputError, createOrganiserFromArgs } from "../../src/server/auth/createOrganiserCommand";
import { findOrganiserByEmail } from "../../src/server/db/organisers";
import type { RunningServer } from "../../src/server/serve";
import { ENGINES } from "./support/testDatabase";
import { startTestServer, type TestServer } from "./support/testServer";

describe.each(ENGINES)("first start of the console and admin:create (%s)", (engine) => {
  let running: TestServer;
  let server: RunningServer;

  beforeAll(async () => {
    running = await startTestServer(engine);
    ({ server } = running);
  });
  afterAll(() => running?.close());

  it("a server with no organiser offers a one-time setup token that creates the first organiser", async () => {
    expect(server.setupToken).toMatch(/^[0-9a-f]{64}$/);
    const post = () =>
      fetch(`${server.url}/api/console/setup`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          token: server.setupToken,
          email: "lead@example.org",
          name: "Lead",
          password: "a passphrase for setup",
        }),
      });
    const first = await post();
    expect(first.status).toBe(201);
    expect(consoleSession.parse(await first.json()).organiser.role).toBe("organiser");
    expect(first.headers.get("set-cookie")).toMatch(/HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/);
    expect((await post()).status).toBe(403);
  });

  it("admin:create adds a viewer with the password from ADMIN_PASSWORD and refuses a taken e-mail or a short password", async () => {
    const previous = process.env.ADMIN_PASSWORD;
    try {
      process.env.ADMIN_PASSWORD = "viewer passphrase 1";
      expect(
        await createOrganiserFromArgs(server.db, [
          "--email",
          "Viewer@Example.org",
          "--name",
          "Vai",
          "--role",
          "viewer",
        ]),
      ).toMatch(/Created viewer/);
      expect(await findOrganiserByEmail(server.db, "viewer@example.org")).toMatchObject({
        role: "viewer",
        name: "Vai",
      });
      await expect(
        createOrganiserFromArgs(server.db, ["--email", "viewer@example.org", "--name", "Vai"]),
      ).rejects.toThrow(/already exists/);
      await expect(
        createOrganiserFromArgs(server.db, ["--email", "x@example.org", "--name", "X", "--role", "admin"]),
      ).rejects.toThrow(/Unknown role/);
      process.env.ADMIN_PASSWORD = "short";
      await expect(createOrganiserFromArgs(server.db, ["--email", "y@example.org", "--name", "Y"])).rejects.toThrow(
        /at least 15/,
      );
    } finally {
      if (previous === undefined) delete process.env.ADMIN_PASSWORD;
      else process.env.ADMIN_PASSWORD = previous;
    }
  });

  it("admin:create refuses a blank, a too short or a common password, naming the field and the rule", async () => {
    const previous = process.env.ADMIN_PASSWORD;
    try {
      for (const [password, code] of [
        [" ".repeat(16), "password_blank"],
        ["fourteen chars", "password_too_short"],
        ["qwertyuiopasdfghjkl", "password_common"],
        ["iloveyouiloveyou", "password_common"],
      ]) {
        process.env.ADMIN_PASSWORD = password;
        const refused = await createOrganiserFromArgs(server.db, [
          "--email",
          "weak@example.org",
          "--name",
          "Weak",
        ]).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refused, password).toBeInstanceOf(AdminInputError);
        expect(refused).toMatchObject({ path: "password", code });
      }
      expect(await findOrganiserByEmail(server.db, "weak@example.org")).toBeUndefined();
    } finally {
      if (previous === undefined) delete process.env.ADMIN_PASSWORD;
      else process.env.ADMIN_PASSWORD = previous;
    }
  });
});
