// Two organisers editing one questionnaire draft, or one version's report bindings, never overwrite each other: a save
// names the revision its form loaded (?revision=N); a stale one gets 409 changed_elsewhere, nothing written or audited.
import { describe, expect, it } from "vitest";
import { auditLogPage } from "../../src/shared/auditLog";
import { changedElsewhereAnswer } from "../../src/shared/editConflicts";
import { questionnaireVersionDetail, questionnaireVersionResult } from "../../src/shared/questionnaireVersions";
import { shippedReportBindings } from "../../src/shared/questionnaires/reportBindings";
import { reportBindingsResult, type ReportBindings } from "../../src/shared/report/bindings";
import { consoleRequest, type SignedIn } from "./support/consoleClient";
import { seededConsole, signedInOrganiser } from "./support/consoleFixtures";
import { ENGINES } from "./support/testDatabase";

const BASE = "/api/console/questionnaires/follow-up";
const DRAFT = `${BASE}/versions/3`;
const BINDINGS = `${BASE}/versions/2/report-bindings`;
const V2_BINDINGS = shippedReportBindings[1].bindings;

describe.each(ENGINES)("optimistic concurrency of questionnaire drafts and report bindings (%s)", (engine) => {
  let clock = new Date("2026-12-03T10:41:00.000Z");
  const seeded = seededConsole(engine, () => clock, { signIn: "organiser" });
  let ana: SignedIn;
  let ben: SignedIn;

  const draft = async (who: SignedIn) =>
    questionnaireVersionDetail.parse(await (await consoleRequest(seeded.app, "GET", DRAFT, who)).json());
  const bindings = async (who: SignedIn) =>
    reportBindingsResult.parse(await (await consoleRequest(seeded.app, "GET", BINDINGS, who)).json());
  const auditRows = async (entityType: string) =>
    auditLogPage
      .parse(await (await consoleRequest(seeded.app, "GET", "/api/console/audit-log", ana)).json())
      .entries.filter((e) => e.entityType === entityType);
  const retitled = async (title: string) => ({ ...(await draft(ana)).definition, title });

  it("a draft save naming the revision it loaded lands, moves the revision on, and is audited", async () => {
    ana = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ana@example.org", "organiser", "Ana Tui");
    ben = await signedInOrganiser(seeded.ctx.db, seeded.app, clock, "ben@example.org", "organiser", "Ben Kalo");
    expect((await consoleRequest(seeded.app, "POST", `${BASE}/versions`, ana, {})).status).toBe(201);
    const loaded = await draft(ana);
    expect(loaded.revision).toBe(1);
    const res = await consoleRequest(seeded.app, "PUT", `${DRAFT}?revision=1`, ana, {
      ...loaded.definition,
      title: "Ana's title",
    });
    expect(res.status).toBe(200);
    expect(questionnaireVersionResult.parse(await res.json()).version).toMatchObject({
      title: "Ana's title",
      revision: 2,
    });
    const [row] = await auditRows("questionnaire_draft");
    expect(row).toMatchObject({ accountName: "Ana Tui", action: "update", entityId: "follow-up/3" });
    expect(row.changes.title).toEqual({ before: loaded.definition.title, after: "Ana's title" });
  });

  it("a stale draft save is refused 409 changed_elsewhere with the draft as it stands, and changes nothing", async () => {
    clock = new Date("2026-12-03T11:05:00.000Z");
    const audited = (await auditRows("questionnaire_draft")).length;
    // Ben's editor was loaded at revision 1, before Ana's save.
    const res = await consoleRequest(seeded.app, "PUT", `${DRAFT}?revision=1`, ben, await retitled("Ben's title"));
    expect(res.status).toBe(409);
    const answer = changedElsewhereAnswer.parse(await res.json());
    expect(answer.error).toMatchObject({
      code: "changed_elsewhere",
      message: "Changed by Ana Tui at 2026-12-03 10:41 UTC — your changes are not saved.",
    });
    expect(answer.current).toMatchObject({ title: "Ana's title", version: 2, updatedBy: "Ana Tui" });
    expect(await draft(ben)).toMatchObject({ title: "Ana's title", revision: 2 });
    expect((await auditRows("questionnaire_draft")).length).toBe(audited);

    // "Keep mine": the same save over the revision just shown lands.
    const again = await consoleRequest(seeded.app, "PUT", `${DRAFT}?revision=2`, ben, await retitled("Ben's title"));
    expect(again.status).toBe(200);
    expect(await draft(ana)).toMatchObject({ title: "Ben's title", revision: 3 });
    expect((await auditRows("questionnaire_draft")).length).toBe(audited + 1);
  });

  it("of draft saves racing from the same revision exactly one lands, and only it is audited", async () => {
    const loaded = await draft(ana);
    const audited = (await auditRows("questionnaire_draft")).length;
    const answers = await Promise.all(
      [ana, ben, ana, ben].map((who, i) =>
        consoleRequest(seeded.app, "PUT", `${DRAFT}?revision=${loaded.revision}`, who, {
          ...loaded.definition,
          title: `Take ${i}`,
        }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = answers.findIndex((r) => r.status === 200);
    expect(await draft(ana)).toMatchObject({ title: `Take ${winner}`, revision: loaded.revision + 1 });
    expect((await auditRows("questionnaire_draft")).length).toBe(audited + 1);
  });

  it("a draft save without the revision it loaded, or with a malformed one, is refused 400, nothing written", async () => {
    const before = await draft(ana);
    for (const address of [DRAFT, `${DRAFT}?revision=`, `${DRAFT}?revision=0`, `${DRAFT}?revision=two`]) {
      const res = await consoleRequest(seeded.app, "PUT", address, ana, await retitled("No revision"));
      expect(res.status).toBe(400);
      expect((await res.json()) as unknown).toMatchObject({ error: { details: [{ path: "revision" }] } });
    }
    expect(await draft(ana)).toEqual(before);
  });

  const rebound: ReportBindings = { ...V2_BINDINGS, efficiency: null };

  it("a bindings save naming the revision it loaded lands, moves the revision on, and is audited", async () => {
    expect((await bindings(ana)).revision).toBe(1);
    const res = await consoleRequest(seeded.app, "PUT", `${BINDINGS}?revision=1`, ana, rebound);
    expect(res.status).toBe(200);
    expect(reportBindingsResult.parse(await res.json())).toMatchObject({ bindings: rebound, revision: 2 });
    const [row] = await auditRows("report_bindings");
    expect(row).toMatchObject({ accountName: "Ana Tui", action: "update", entityId: "follow-up/2" });
    expect(Object.keys(row.changes)).toEqual(["efficiency"]);
  });

  it("a stale bindings save is refused 409 changed_elsewhere with the bindings as they stand, and changes nothing", async () => {
    const audited = (await auditRows("report_bindings")).length;
    const res = await consoleRequest(seeded.app, "PUT", `${BINDINGS}?revision=1`, ben, V2_BINDINGS);
    expect(res.status).toBe(409);
    const answer = changedElsewhereAnswer.parse(await res.json());
    expect(answer.error.message).toBe("Changed by Ana Tui at 2026-12-03 11:05 UTC — your changes are not saved.");
    expect(answer.current).toMatchObject({ bindings: rebound, version: 2, updatedBy: "Ana Tui" });
    expect(await bindings(ben)).toMatchObject({ bindings: rebound, revision: 2 });
    expect((await auditRows("report_bindings")).length).toBe(audited);
  });

  it("of bindings saves racing from the same revision exactly one lands, and only it is audited", async () => {
    const { revision } = await bindings(ana);
    const audited = (await auditRows("report_bindings")).length;
    const answers = await Promise.all(
      [ana, ben, ana, ben].map((who, i) =>
        consoleRequest(seeded.app, "PUT", `${BINDINGS}?revision=${revision}`, who, i % 2 ? rebound : V2_BINDINGS),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await bindings(ana)).revision).toBe(revision + 1);
    expect((await auditRows("report_bindings")).length).toBe(audited + 1);
  });

  it("a bindings save without the revision it loaded is refused 400, nothing written", async () => {
    const before = await bindings(ana);
    const res = await consoleRequest(seeded.app, "PUT", BINDINGS, ana, rebound);
    expect(res.status).toBe(400);
    expect(await bindings(ana)).toEqual(before);
  });
});
