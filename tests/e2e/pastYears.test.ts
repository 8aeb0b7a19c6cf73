// Past years in a real Chromium: the organiser types last year's published figures, the report's comparison and
// the Word draft's sentence use them, the trends page shows both years; both screens axe clean.
import { expect, it } from "vitest";
import { docxParagraphs } from "../fixtures/docxTables";
import { appForThisFile } from "./support/appServer";
import { consoleRound, signInOnPage } from "./support/consoleRound";
import { layoutFindings, seriousAxeViolations } from "./support/screenChecks";

const app = appForThisFile({ phone: {}, closePhones: "afterAll" });

it("a past year entered by hand is what this year's report compares with, on screen, in the trends and in the Word draft", async () => {
  const { page } = app.phone;
  // This year (FY 2023/24): one workshop with one reply; last year's raw replies are not in the database.
  const round = await consoleRound(app.server, "Sub-regional Workshop on Risk Management", [
    { name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" },
  ]);
  await round.reply("FJ", {}, "2024-03-05T09:30:00.000Z");
  await signInOnPage(page, app.server.url);

  await page.goto(`${app.server.url}/console/report/2023-24`);
  await page.getByRole("link", { name: "Past years" }).click();
  await page.getByRole("heading", { name: "Past years" }).waitFor();
  await page.getByLabel("Fiscal year (July–June), e.g. 2021/22").fill("2022/23");
  const workshop = page.getByRole("group", { name: "Workshop 1" });
  await workshop.getByLabel("Title").fill("Regional Workshop on the Revised Kyoto Convention");
  await workshop.getByLabel("Kind").selectOption("regional");
  await workshop.getByLabel("Participating administrations").fill("20");
  await workshop.getByLabel("Replies", { exact: true }).fill("10");
  for (const [label, value] of [
    ["Shared materials", "9"],
    ["Submitted reports", "8"],
    ["Made recommendations", "4"],
    ["In-house workshop", "3"],
    ["Developed manuals / SOPs", "1"],
    ["Others", "0"],
    ["Direct effects: Yes", "6"],
    ["Efficiency improved: Yes", "9"],
    ["New projects: Yes", "5"],
  ])
    await workshop.getByLabel(label, { exact: true }).fill(value);
  await workshop.getByText("Tables 4 and 7: administrations (optional)").click();
  await workshop.getByLabel("Table 4, shared materials (codes)").fill("FJ to");
  await workshop.getByLabel("Table 4, realized direct effects (codes)").fill("FJ");
  await page.getByRole("button", { name: "Save the year" }).click();
  await expect.poll(() => page.getByTestId("past-years-status").textContent()).toBe("FY 2022/23 saved: 1 workshop(s).");
  expect(await page.getByTestId("summary-years").textContent()).toContain("FY 2022/23: 1 workshop(s), 10 replies");
  expect(await seriousAxeViolations(page, "past years")).toEqual([]);
  expect(await layoutFindings(page, "past years at 360 px")).toEqual([]);

  await page.goto(`${app.server.url}/console/report/2023-24`);
  const comparison = page.getByTestId("year-comparison");
  await comparison.waitFor();
  expect(await comparison.locator("li").allTextContents()).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Reply rate \(per administration\): 50% in 2022\/23 → \d+% in 2023\/24$/),
      expect.stringMatching(/^Shared materials: 90% in 2022\/23 → \d+% in 2023\/24$/),
    ]),
  );

  await page.getByRole("link", { name: "Trends" }).click();
  const rate = page.getByRole("table", { name: "Reply rate (per administration) (Table 1)" });
  await rate.waitFor();
  expect(await rate.getByRole("row", { name: /2022\/23/ }).textContent()).toContain("50%");
  expect(await page.locator("main").textContent()).toContain("FY 2022/23: 10 replies, from its published figures");
  // Table 4 from the typed lists: of the two administrations that shared, one also realized direct effects.
  const sharedAndEffects = page.getByRole("table", { name: "Shared materials and realized direct effects (Table 4)" });
  expect(await sharedAndEffects.getByRole("row", { name: /2022\/23/ }).textContent()).toContain("50%");
  expect(await seriousAxeViolations(page, "trends")).toEqual([]);
  expect(await layoutFindings(page, "trends at 360 px")).toEqual([]);

  const draft = await round.request("GET", "/api/console/report/2023-24/draft.docx");
  const paragraphs = docxParagraphs(new Uint8Array(await draft.arrayBuffer()));
  expect(paragraphs.join("\n")).toMatch(/\(compared to 50% in 2023\)/);
});

it("a summary sheet with a wrong cell is refused on screen by row and column; a stored year opens in the form to edit", async () => {
  const { page } = app.phone;
  await page.goto(`${app.server.url}/console/past-years`);
  await page.getByLabel("Fiscal year (July–June), e.g. 2021/22").fill("2021/22");
  const csv =
    "Workshop,Kind,Participating administrations,Replies,Shared materials,Submitted reports,Made recommendations," +
    "In-house workshop,Developed manuals,Others,Direct effects yes,Efficiency yes,New projects yes\r\n" +
    "Canines,regional,18,6,seven,5,4,4,1,3,3,6,2\r\n";
  await page.getByLabel("Summary sheet (.xlsx or .csv)").setInputFiles({
    name: "fy2021-22.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv),
  });
  await expect
    .poll(() => page.getByTestId("import-problems").textContent())
    .toContain('Sheet "CSV", row 2, column "Shared materials": "seven" is not a whole number of 0 or more.');

  await page.getByRole("button", { name: "Edit FY 2022/23" }).click();
  await expect
    .poll(() => page.getByRole("group", { name: "Workshop 1" }).getByLabel("Title").inputValue())
    .toBe("Regional Workshop on the Revised Kyoto Convention");
  expect(await page.getByLabel("Fiscal year (July–June), e.g. 2021/22").inputValue()).toBe("2022/23");
});
