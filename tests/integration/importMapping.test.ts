// A registration export whose headers are not recognised: the organiser maps its columns, corrects a bad line in the
// preview, imports, and the next file with the same headers is read with the remembered mapping. Both engines.
import { describe, expect, it } from "vitest";
import { importPreview, participantList } from "../../src/shared/console";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole, workshopWithParticipants } from "./support/consoleFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const EXPORT = [
  "Delegate,Contact,Delegation,Rank",
  "Mereani Tuilau,mereani@example.org,Fiji,Principal Customs Officer",
  "Sela Taufa,sela@example.org,Atlantis,Customs Officer",
].join("\n");
const CHOICES = ["name", "email", "administration", "position"];

describe.each(ENGINES)("remembered column mappings and corrected lines (%s)", (engine) => {
  const now = new Date("2024-03-05T10:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser" });
  const newWorkshop = (title: string) =>
    workshopWithParticipants(seeded.app, seeded.me, { title, participants: [], administrationCodes: ["FJ", "TO"] });
  const importCsv = (workshopId: string, body: object) =>
    consoleRequest(seeded.app, "POST", `/api/console/workshops/${workshopId}/participants/import`, seeded.me, body);

  it("a mapped file with a corrected line imports the corrected values, and its mapping is offered for the next file", async () => {
    const first = await newWorkshop("Workshop on Risk Management");
    const unmapped = await importCsv(first, { csv: EXPORT, commit: false });
    expect(unmapped.status).toBe(422);
    const problem = await errorOf(unmapped);
    expect(problem.code).toBe("csv_header_invalid");
    expect(problem.details?.map((d) => d.message)).toEqual(["Delegate", "Contact", "Delegation", "Rank"]);

    const mapped = importPreview.parse(
      await (await importCsv(first, { csv: EXPORT, commit: false, columns: CHOICES })).json(),
    );
    expect(mapped).toMatchObject({ mappingSource: "chosen", columns: CHOICES, valid: 1, invalid: 1 });
    expect(mapped.rows[1].errors[0].field).toBe("administration");

    const fixes = [{ line: 3, values: { administration: "Tonga" } }];
    const fixed = importPreview.parse(
      await (await importCsv(first, { csv: EXPORT, commit: false, columns: CHOICES, fixes })).json(),
    );
    expect(fixed).toMatchObject({ valid: 2, invalid: 0 });
    expect(fixed.rows[1]).toMatchObject({ fixed: true, values: { administration: "Tonga" }, errors: [] });
    const committed = await importCsv(first, { csv: EXPORT, commit: true, columns: CHOICES, fixes });
    expect(committed.status).toBe(201);
    const listed = participantList.parse(
      await (await consoleRequest(seeded.app, "GET", `/api/console/workshops/${first}/participants`, seeded.me)).json(),
    );
    expect(listed.participants.map((p) => [p.name, p.administrationCode, p.position]).sort()).toEqual([
      ["Mereani Tuilau", "FJ", "Principal Customs Officer"],
      ["Sela Taufa", "TO", "Customs Officer"],
    ]);

    // The same export next year, its header in capitals: read with the remembered mapping, nothing chosen.
    const second = await newWorkshop("Workshop on Risk Management, second run");
    const again = EXPORT.replace("Delegate,Contact,Delegation,Rank", "DELEGATE,Contact ,delegation,Rank");
    const remembered = importPreview.parse(await (await importCsv(second, { csv: again, commit: false })).json());
    expect(remembered).toMatchObject({ mappingSource: "remembered", columns: CHOICES, valid: 1, invalid: 1 });
  });

  it("a column chosen for two headers, or a mapping of the wrong length, is refused with a plain sentence", async () => {
    const workshopId = await newWorkshop("Workshop on Valuation");
    const twice = await importCsv(workshopId, {
      csv: EXPORT,
      commit: false,
      columns: ["name", "name", "email", "ignore"],
    });
    expect(twice.status).toBe(422);
    expect(await errorOf(twice)).toMatchObject({ code: "csv_column_chosen_twice" });
    const short = await importCsv(workshopId, { csv: EXPORT, commit: false, columns: ["name"] });
    expect(await errorOf(short)).toMatchObject({ code: "csv_columns_mismatch" });
    const nothing = await consoleRequest(
      seeded.app,
      "GET",
      `/api/console/workshops/${workshopId}/participants`,
      seeded.me,
    );
    expect(participantList.parse(await nothing.json()).participants).toEqual([]);
  });
});
