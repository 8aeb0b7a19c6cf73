// Organiser console workshops and people: fiscal years from dates, administrations counted, participants and CSV import all or nothing.
import { describe, expect, it } from "vitest";
import {
  consoleWorkshop,
  importPreview,
  participant,
  participantList,
  workshopList,
  type ImportPreview,
} from "../../src/shared/console";
import { consoleRequest } from "./support/consoleClient";
import { seededConsole } from "./support/consoleFixtures";
import { errorOf } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const HEADER = "name,administration,email,position";

describe.each(ENGINES)("organiser console: workshops and people (%s)", (engine) => {
  const now = new Date("2024-03-01T09:00:00.000Z");
  const seeded = seededConsole(engine, () => now, { signIn: "organiser" });
  let workshopId: string;

  const participantsOf = async (id: string) =>
    participantList.parse(
      await (await consoleRequest(seeded.app, "GET", `/api/console/workshops/${id}/participants`, seeded.me)).json(),
    ).participants;

  it("lists the seeded workshops", async () => {
    const res = await consoleRequest(seeded.app, "GET", "/api/console/workshops", seeded.me);
    const { workshops } = workshopList.parse(await res.json());
    expect(workshops.find((w) => w.id === "fy2223-09-rkc")).toMatchObject({
      kind: "regional",
      fiscalYear: "2022/23",
      participatingAdministrations: 21,
    });
  });

  it("creates a workshop, deriving the fiscal year from its dates and counting its administrations", async () => {
    const res = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "Sub-regional Workshop on Risk Management for Pacific members",
      kind: "sub-regional",
      mode: "hybrid",
      startsOn: "2024-08-12",
      endsOn: "2024-08-16",
      location: "Suva, Fiji (host: Fiji Revenue and Customs Service)",
      administrationCodes: ["FJ", "PG", "WS", "TL", "TO", "VU", "FJ"],
    });
    expect(res.status).toBe(201);
    const created = consoleWorkshop.parse(await res.json());
    expect(created).toMatchObject({
      fiscalYear: "2024/25",
      participatingAdministrations: 6,
      administrationCodes: ["FJ", "PG", "TL", "TO", "VU", "WS"],
      participantCount: 0,
    });
    workshopId = created.id;
    const again = consoleWorkshop.parse(
      await (await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}`, seeded.me)).json(),
    );
    expect(again).toEqual(created);
  });

  it("edits a workshop: new dates move the fiscal year; a new list moves the count", async () => {
    const res = await consoleRequest(seeded.app, "PATCH", `/api/console/workshops/${workshopId}`, seeded.me, {
      version: 1,
      startsOn: "2024-06-24",
      endsOn: "2024-06-28",
      administrationCodes: ["FJ", "VU"],
      mode: "in-person",
    });
    expect(res.status).toBe(200);
    expect(consoleWorkshop.parse(await res.json())).toMatchObject({
      fiscalYear: "2023/24",
      participatingAdministrations: 2,
      administrationCodes: ["FJ", "VU"],
      mode: "in-person",
    });
    const rows = await seeded.ctx.db
      .selectFrom("workshop_administrations")
      .select("administration_code")
      .where("workshop_id", "=", workshopId)
      .execute();
    expect(rows.map((r) => r.administration_code).sort()).toEqual(["FJ", "VU"]);
  });

  it("a workshop straddling 30 June and 1 July belongs to the fiscal year it starts in, when created and when edited", async () => {
    const res = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "Year-end Workshop on Valuation",
      kind: "national",
      mode: "virtual",
      startsOn: "2024-06-28",
      endsOn: "2024-07-02",
    });
    expect(res.status).toBe(201);
    const created = consoleWorkshop.parse(await res.json());
    expect(created.fiscalYear).toBe("2023/24");
    const edited = await consoleRequest(seeded.app, "PATCH", `/api/console/workshops/${created.id}`, seeded.me, {
      version: 1,
      startsOn: "2025-06-30",
      endsOn: "2025-07-01",
    });
    expect(edited.status).toBe(200);
    expect(consoleWorkshop.parse(await edited.json()).fiscalYear).toBe("2024/25");
  });

  it("a one-day workshop, ending the day it starts, is accepted and takes that day's fiscal year", async () => {
    const res = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "One-day Briefing on the Revised Kyoto Convention",
      kind: "national",
      mode: "in-person",
      startsOn: "2024-07-01",
      endsOn: "2024-07-01",
    });
    expect(res.status).toBe(201);
    expect(consoleWorkshop.parse(await res.json()).fiscalYear).toBe("2024/25");
  });

  it("a fiscal year the organiser gave against the dates stays when only the title is edited", async () => {
    const res = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      title: "Workshop on Post-Clearance Audit",
      kind: "regional",
      mode: "virtual",
      startsOn: "2024-06-24",
      endsOn: "2024-06-28",
      fiscalYear: "2024/25",
    });
    expect(res.status).toBe(201);
    const created = consoleWorkshop.parse(await res.json());
    expect(created.fiscalYear).toBe("2024/25");
    const edited = await consoleRequest(seeded.app, "PATCH", `/api/console/workshops/${created.id}`, seeded.me, {
      version: 1,
      title: "Workshop on Post-Clearance Audit (PCA)",
    });
    expect(edited.status).toBe(200);
    expect(consoleWorkshop.parse(await edited.json())).toMatchObject({
      title: "Workshop on Post-Clearance Audit (PCA)",
      fiscalYear: "2024/25",
    });
  });

  it("refuses a workshop that ends before it starts, has no dates nor fiscal year, or names an unknown administration", async () => {
    const base = { title: "T", kind: "national", mode: "virtual" };
    const backwards = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      ...base,
      startsOn: "2024-05-02",
      endsOn: "2024-05-01",
    });
    expect(backwards.status).toBe(400);
    expect((await errorOf(backwards)).details).toEqual([
      { path: "endsOn", code: "dates_out_of_order", message: "The workshop cannot end before it starts." },
    ]);
    const undated = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, base);
    expect(undated.status).toBe(400);
    expect((await errorOf(undated)).details).toEqual([
      {
        path: "fiscalYear",
        code: "missing_field",
        message: "Give the workshop's dates, its month or its fiscal year.",
      },
    ]);
    const notAYear = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      ...base,
      fiscalYear: "2024/26",
    });
    expect(notAYear.status).toBe(400);
    expect((await errorOf(notAYear)).details).toEqual([
      { path: "fiscalYear", code: "invalid_format", message: '"2024/26" is not a fiscal year such as 2024/25.' },
    ]);
    const unknown = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
      ...base,
      fiscalYear: "2024/25",
      administrationCodes: ["SB", "FJ", "XX"],
    });
    expect(unknown.status).toBe(422);
    const unknownError = await errorOf(unknown);
    expect(unknownError.code).toBe("unknown_administration");
    expect(unknownError.message).toBe(
      "Unknown administration code(s): SB, XX. Add them to the administrations list first.",
    );
    expect(unknownError.details).toEqual([
      {
        path: "administrationCodes",
        code: "unknown_administration",
        message: '"SB" is not in the administrations list.',
      },
      {
        path: "administrationCodes",
        code: "unknown_administration",
        message: '"XX" is not in the administrations list.',
      },
    ]);
    const missing = await consoleRequest(seeded.app, "GET", "/api/console/workshops/no-such-workshop", seeded.me);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("workshop_not_found");
  });

  it("adds Solomon Islands to the administrations and then uses it for a workshop and a participant", async () => {
    const bad = await consoleRequest(seeded.app, "POST", "/api/console/administrations", seeded.me, {
      code: "sb1",
      name: "Solomon Islands",
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details?.map((d) => d.path).sort()).toEqual(["code", "subRegion"]);
    const res = await consoleRequest(seeded.app, "POST", "/api/console/administrations", seeded.me, {
      code: "SB",
      name: "Solomon Islands",
      subRegion: "pacific-islands",
    });
    expect(res.status).toBe(201);
    const duplicate = await consoleRequest(seeded.app, "POST", "/api/console/administrations", seeded.me, {
      code: "SB",
      name: "Solomons",
      subRegion: "pacific-islands",
    });
    expect(duplicate.status).toBe(409);
    expect((await errorOf(duplicate)).code).toBe("administration_exists");
    const list = (await (
      await consoleRequest(seeded.app, "GET", "/api/console/administrations", seeded.me)
    ).json()) as { administrations: unknown[] };
    expect(list.administrations).toContainEqual({ code: "SB", name: "Solomon Islands", subRegion: "pacific-islands" });

    const patched = await consoleRequest(seeded.app, "PATCH", `/api/console/workshops/${workshopId}`, seeded.me, {
      version: 2,
      administrationCodes: ["FJ", "SB", "VU"],
    });
    expect(consoleWorkshop.parse(await patched.json()).participatingAdministrations).toBe(3);
    const added = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/participants`,
      seeded.me,
      {
        name: "John Maeta",
        administrationCode: "SB",
        email: "john.maeta@example.org",
        position: "Senior Customs Officer",
      },
    );
    expect(added.status).toBe(201);
    expect(participant.parse(await added.json())).toMatchObject({ administrationCode: "SB", workshopId });
  });

  it("adds, edits and removes a participant; refuses an unknown administration and a second entry for one e-mail", async () => {
    const res = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/participants`,
      seeded.me,
      { name: "Mele Fifita", administrationCode: "TO", email: "mele@example.org" },
    );
    const mele = participant.parse(await res.json());
    expect(mele.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const twice = await consoleRequest(
      seeded.app,
      "POST",
      `/api/console/workshops/${workshopId}/participants`,
      seeded.me,
      { name: "Mele F.", administrationCode: "TO", email: "MELE@example.org" },
    );
    expect(twice.status).toBe(409);
    const unknown = await consoleRequest(seeded.app, "PATCH", `/api/console/participants/${mele.id}`, seeded.me, {
      version: 1,
      administrationCode: "XX",
    });
    expect(unknown.status).toBe(422);
    const edited = await consoleRequest(seeded.app, "PATCH", `/api/console/participants/${mele.id}`, seeded.me, {
      version: 1,
      position: "Manager, Border Operations",
      administrationCode: "FJ",
    });
    expect(participant.parse(await edited.json())).toMatchObject({
      position: "Manager, Border Operations",
      administrationCode: "FJ",
      name: "Mele Fifita",
    });
    expect((await consoleRequest(seeded.app, "DELETE", `/api/console/participants/${mele.id}`, seeded.me)).status).toBe(
      204,
    );
    expect((await consoleRequest(seeded.app, "DELETE", `/api/console/participants/${mele.id}`, seeded.me)).status).toBe(
      404,
    );
    expect((await participantsOf(workshopId)).map((p) => p.email)).toEqual(["john.maeta@example.org"]);
  });

  describe("CSV import", () => {
    const importCsv = (csv: string, commit: boolean, skipLines?: number[], into = workshopId) =>
      consoleRequest(seeded.app, "POST", `/api/console/workshops/${into}/participants/import`, seeded.me, {
        csv,
        commit,
        ...(skipLines ? { skipLines } : {}),
      });

    const badCsv = [
      HEADER,
      'Losa Tui,WS,losa@example.org,"Officer, Tariff and Valuation"', // line 2: quoted comma, valid
      "Kalo Fa,TO,,Officer", // 3: missing e-mail
      "Iosefa Lee,ZZ,iosefa@example.org,Officer", // 4: unknown administration
      "Grace Kaupa,PG,grace.example.org,Manager", // 5: invalid e-mail
      "Too,Many,Columns,here,extra", // 6: wrong column count
      '"Tevita ""Tev"" Fonua",to,tevita@example.org,"Line one\nline two"', // 7–8: quotes, lower-case code, line break
      "",
      "Sela Taufa,TO,sela@example.org,", // 10: valid, empty position
    ].join("\r\n");

    it("previews per-row errors for missing e-mail, unknown administration, invalid e-mail and wrong column count", async () => {
      const res = await importCsv(badCsv, false);
      expect(res.status).toBe(200);
      const preview = importPreview.parse(await res.json());
      expect(preview).toMatchObject({ valid: 3, invalid: 4, committed: false });
      const byLine = new Map(preview.rows.map((r) => [r.line, r]));
      expect([...byLine.keys()]).toEqual([2, 3, 4, 5, 6, 7, 10]);
      expect(byLine.get(2)).toEqual({
        line: 2,
        values: {
          name: "Losa Tui",
          administration: "WS",
          email: "losa@example.org",
          position: "Officer, Tariff and Valuation",
        },
        errors: [],
        // the workshop is now FJ and VU only
        warnings: [
          {
            message: "WS is not among this workshop's administrations.",
            problem: { code: "participantOutsideWorkshop", params: { code: "WS" } },
          },
        ],
        skipped: false,
      });
      expect(byLine.get(3)?.errors.map((e) => e.field)).toEqual(["email"]);
      expect(byLine.get(4)?.errors.map((e) => e.field)).toEqual(["administration"]);
      expect(byLine.get(5)?.errors).toEqual([
        {
          field: "email",
          message: expect.stringContaining("not an e-mail address"),
          problem: { code: "participantNotEmail", params: { email: "grace.example.org" } },
        },
      ]);
      expect(byLine.get(4)?.errors[0].problem?.code).toBe("participantUnknownAdministration");
      expect(byLine.get(6)?.errors.map((e) => e.field)).toEqual(["row"]);
      expect(byLine.get(7)?.values).toMatchObject({ name: 'Tevita "Tev" Fonua', position: "Line one\nline two" });
      expect(byLine.get(7)?.errors).toEqual([]);
      expect(byLine.get(10)?.errors).toEqual([]);
    });

    it("with commit and any invalid row: 422 csv_has_errors and nothing imported", async () => {
      const before = await participantsOf(workshopId);
      const res = await importCsv(badCsv, true);
      expect(res.status).toBe(422);
      const body = (await res.json()) as {
        error: { code: string; details: { path: string }[] };
        preview: ImportPreview;
      };
      expect(body.error.code).toBe("csv_has_errors");
      expect(body.error.details.map((d) => d.path)).toEqual([
        "line 3.email",
        "line 4.administration",
        "line 5.email",
        "line 6.row",
      ]);
      expect(body.preview.invalid).toBe(4);
      expect(await participantsOf(workshopId)).toEqual(before);
    });

    it("a preview never writes, a clean commit inserts every row at once", async () => {
      const clean = [
        HEADER,
        'Losa Tui,WS,losa@example.org,"Officer, Tariff and Valuation"',
        "Sela Taufa,TO,sela@example.org,",
        "Ravi Lal,FJ,ravi@example.org,Inspector",
      ].join("\n");
      const preview = importPreview.parse(await (await importCsv(clean, false)).json());
      expect(preview).toMatchObject({ valid: 3, invalid: 0, committed: false });
      expect(await participantsOf(workshopId)).toHaveLength(1);
      const res = await importCsv(clean, true);
      expect(res.status).toBe(201);
      expect(importPreview.parse(await res.json())).toMatchObject({ valid: 3, committed: true });
      const people = await participantsOf(workshopId);
      expect(people.map((p) => p.email).sort()).toEqual([
        "john.maeta@example.org",
        "losa@example.org",
        "ravi@example.org",
        "sela@example.org",
      ]);
      expect(people.find((p) => p.email === "losa@example.org")).toMatchObject({
        position: "Officer, Tariff and Valuation",
        administrationCode: "WS",
      });
      expect(people.find((p) => p.email === "sela@example.org")?.position).toBeNull();
      const workshop = consoleWorkshop.parse(
        await (await consoleRequest(seeded.app, "GET", `/api/console/workshops/${workshopId}`, seeded.me)).json(),
      );
      expect(workshop.participantCount).toBe(4);
    });

    it("importing the same file again flags every row as already a participant", async () => {
      const res = await importCsv(
        [
          HEADER,
          "Ravi Lal,FJ,RAVI@example.org,Inspector",
          "New Person,FJ,new@example.org,",
          "Dup,FJ,new@example.org,",
        ].join("\n"),
        true,
      );
      expect(res.status).toBe(422);
      const { preview } = (await res.json()) as { preview: ImportPreview };
      expect(preview.rows.map((r) => r.errors.map((e) => e.field))).toEqual([["email"], [], ["email"]]);
      expect(await participantsOf(workshopId)).toHaveLength(4);
    });

    const registrationExport = [
      "Registered on,NAME,E-mail,Country,Title",
      "2024-07-01,Ana Kaufana,ana.k@example.org,Kingdom of Tonga,Senior Officer", // 2: alias
      "2024-07-01,Jose Ximenes,jose@example.org,Timor Leste,Inspector", // 3: name with a space for the dash
      "2024-07-02,Peni Lui,peni@example.org,PNG,", // 4: abbreviation
      "2024-07-02,Nobody Known,nobody@example.org,Atlantis,Clerk", // 5: unknown administration
      "2024-07-03,Wei Chen,wei@example.org,Hong Kong China,Analyst", // 6: not among the workshop's (warned)
    ].join("\n");

    let pacificWorkshopId: string;
    it("reads a registration export's own headers and country names, naming the ignored column and warning about an outside administration", async () => {
      const created = await consoleRequest(seeded.app, "POST", "/api/console/workshops", seeded.me, {
        title: "Sub-regional Workshop on Post-Clearance Audit for Pacific members",
        kind: "sub-regional",
        mode: "in-person",
        startsOn: "2024-07-15",
        endsOn: "2024-07-19",
        administrationCodes: ["FJ", "PG", "TL", "TO"],
      });
      pacificWorkshopId = consoleWorkshop.parse(await created.json()).id;
      const res = await importCsv(registrationExport, false, undefined, pacificWorkshopId);
      expect(res.status).toBe(200);
      const preview = importPreview.parse(await res.json());
      expect(preview).toMatchObject({ valid: 4, invalid: 1, skipped: 0, ignoredColumns: ["Registered on"] });
      expect(preview.rows.map((r) => [r.line, r.errors.map((e) => e.field)])).toEqual([
        [2, []],
        [3, []],
        [4, []],
        [5, ["administration"]],
        [6, []],
      ]);
      expect(preview.rows[0]?.values).toEqual({
        name: "Ana Kaufana",
        administration: "Kingdom of Tonga",
        email: "ana.k@example.org",
        position: "Senior Officer",
      });
      expect(preview.rows[4]?.warnings.map((w) => w.message)).toEqual([
        "HK is not among this workshop's administrations.",
      ]);
      expect(preview.rows.slice(0, 4).every((r) => r.warnings.length === 0)).toBe(true);
    });

    it("imports the rest when the organiser skips the bad line, storing codes for the names", async () => {
      const refused = await importCsv(registrationExport, true, undefined, pacificWorkshopId);
      expect(refused.status).toBe(422);
      const res = await importCsv(registrationExport, true, [5], pacificWorkshopId);
      expect(res.status).toBe(201);
      const result = importPreview.parse(await res.json());
      expect(result).toMatchObject({ valid: 4, invalid: 0, skipped: 1, committed: true });
      expect(result.rows.find((r) => r.line === 5)?.skipped).toBe(true);
      const people = await participantsOf(pacificWorkshopId);
      const codeOf = (email: string) => people.find((p) => p.email === email)?.administrationCode;
      expect([
        codeOf("ana.k@example.org"),
        codeOf("jose@example.org"),
        codeOf("peni@example.org"),
        codeOf("wei@example.org"),
      ]).toEqual(["TO", "TL", "PG", "HK"]);
      expect(people.find((p) => p.email === "ana.k@example.org")?.position).toBe("Senior Officer");
      expect(people.some((p) => p.email === "nobody@example.org")).toBe(false);
    });

    it("refuses a commit in which every line is skipped", async () => {
      const res = await importCsv("Name,Email,Country\nSolo Person,solo@example.org,Fiji\n", true, [2]);
      expect(res.status).toBe(422);
      expect((await errorOf(res)).code).toBe("csv_nothing_to_import");
    });

    it("refuses a wrong header, an unclosed quote and a file with no rows", async () => {
      const wrongHeader = await importCsv("name,email\nA,a@example.org\n", false);
      expect(wrongHeader.status).toBe(422);
      expect((await errorOf(wrongHeader)).code).toBe("csv_header_invalid");
      const unclosed = await importCsv(`${HEADER}\n"Open quote,FJ,a@example.org,x\n`, false);
      expect(unclosed.status).toBe(422);
      expect((await errorOf(unclosed)).code).toBe("csv_malformed");
      const empty = await importCsv(`${HEADER}\n\n`, false);
      expect((await errorOf(empty)).code).toBe("csv_empty");
    });
  });
});
