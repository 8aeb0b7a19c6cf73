// Two organisers in one questionnaire draft, and in one version's report bindings, in a real Chromium: the second
// save is refused with who and when and a comparison; the draft is saved over on request, the bindings taken from
// the first, and the next save lands.
import { expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addOrganiser, consoleRequest, signIn } from "../integration/support/consoleClient";
import { appForThisFile } from "./support/appServer";
import { serverAsApp, signInOnPage } from "./support/consoleRound";
import { seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile();

async function openVersion(email: string, version: number): Promise<Page> {
  const { page } = await app.phones.open();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInOnPage(page, app.server.url, email);
  await page.goto(`${app.server.url}/console/questionnaires/follow-up.${version}`);
  await page.getByRole("heading", { name: new RegExp(`version ${version}$`) }).waitFor();
  return page;
}

const storedTitle = async () =>
  (
    JSON.parse(
      (
        await app.server.db
          .selectFrom("questionnaires")
          .select("definition")
          .where("version", "=", 3)
          .executeTakeFirstOrThrow()
      ).definition,
    ) as { title: string }
  ).title;

it("a stale draft save is refused with a comparison, and 'Keep mine' saves over the draft just shown", async () => {
  await addOrganiser(app.server.db, "ana@example.org", "organiser", new Date(), "Ana Tui");
  await addOrganiser(app.server.db, "ben@example.org", "organiser", new Date(), "Ben Kalo");
  const api = serverAsApp(app.server.url);
  const created = await consoleRequest(
    api,
    "POST",
    "/api/console/questionnaires/follow-up/versions",
    await signIn(api, "ana@example.org"),
    {},
  );
  expect(created.status).toBe(201);
  const ana = await openVersion("ana@example.org", 3);
  const ben = await openVersion("ben@example.org", 3);

  await ana.getByLabel("Title", { exact: true }).fill("Follow-up, Ana's wording");
  await ana.getByRole("button", { name: "Save draft" }).click();
  await expect.poll(() => ana.getByText("Draft saved.").count()).toBe(1);

  await ben.getByLabel("Title", { exact: true }).fill("Follow-up, Ben's wording");
  await ben.getByRole("button", { name: "Save draft" }).click();
  const notice = ben.getByTestId("edit-conflict");
  await notice.waitFor();
  expect(await notice.getByRole("heading").textContent()).toMatch(
    /^Changed by Ana Tui at \d\d:\d\d — your changes are not saved$/,
  );
  const titleRow = notice.getByRole("row").filter({ hasText: "Title" });
  expect(await titleRow.getByRole("cell").allTextContents()).toEqual([
    "Follow-up, Ben's wording",
    "Follow-up, Ana's wording",
  ]);
  expect(await storedTitle()).toBe("Follow-up, Ana's wording");
  expect(await seriousAxeViolations(ben, "questionnaire draft conflict")).toEqual([]);

  await notice.getByRole("button", { name: "Keep mine (save over)" }).click();
  await notice.waitFor({ state: "detached" });
  await expect.poll(() => ben.getByText("Draft saved.").count()).toBe(1);
  expect(await storedTitle()).toBe("Follow-up, Ben's wording");
}, 300_000);

it("a stale bindings save is refused with a comparison; 'Use theirs' shows the saved bindings and the next save lands", async () => {
  const ana = (await openVersion("ana@example.org", 2)).getByTestId("version-bindings");
  const ben = (await openVersion("ben@example.org", 2)).getByTestId("version-bindings");
  await expect.poll(() => ana.getByRole("status").first().textContent()).toBe("This version feeds Tables 2 to 7.");
  await expect.poll(() => ben.getByRole("status").first().textContent()).toBe("This version feeds Tables 2 to 7.");

  await ana.getByLabel("Question").nth(2).selectOption("");
  await ana.getByRole("button", { name: "Save report bindings" }).click();
  await expect.poll(() => ana.getByText(/^Report bindings saved/).count()).toBe(1);

  await ben.getByLabel("Question").nth(3).selectOption("");
  await ben.getByRole("button", { name: "Save report bindings" }).click();
  const notice = ben.page().getByTestId("edit-conflict");
  await notice.waitFor();
  expect(await notice.getByRole("heading").textContent()).toMatch(
    /^Changed by Ana Tui at \d\d:\d\d — your changes are not saved$/,
  );
  const efficiency = notice.getByRole("row").filter({ hasText: "Table 5" });
  expect((await efficiency.getByRole("cell").allTextContents())[1]).toBe("—");
  expect(await seriousAxeViolations(ben.page(), "report bindings conflict")).toEqual([]);

  await notice.getByRole("button", { name: "Use theirs" }).click();
  await notice.waitFor({ state: "detached" });
  await expect
    .poll(() => ben.getByRole("status").first().textContent())
    .toBe("Replies to this version are left out of Table 5 until bound.");
  await ben.getByLabel("Question").nth(3).selectOption("");
  await ben.getByRole("button", { name: "Save report bindings" }).click();
  await expect.poll(() => ben.getByText(/^Report bindings saved/).count()).toBe(1);
  const stored = await app.server.db
    .selectFrom("questionnaires")
    .select(["report_bindings", "report_bindings_revision"])
    .where("version", "=", 2)
    .executeTakeFirstOrThrow();
  expect(stored.report_bindings_revision).toBe(3);
  expect(JSON.parse(stored.report_bindings!)).toMatchObject({ efficiency: null, newProjects: null });
}, 300_000);
