// Report bindings on the real server, on both engines: shipped bound, read and written through the console with its
// refusals, copied into a new draft, warned about on publish, and a version left unbound left out of the report.
import { describe, expect, it } from "vitest";
import { campaignDetail } from "../../src/shared/console";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import { questionnaireVersionResult } from "../../src/shared/questionnaireVersions";
import { followUpV2 } from "../../src/shared/questionnaires";
import { shippedReportBindings } from "../../src/shared/questionnaires/reportBindings";
import { reportBindingsResult, type ReportBindings } from "../../src/shared/report/bindings";
import type { BuiltReport } from "../../src/server/report";
import { consoleRequest, loadedRevision } from "./support/consoleClient";
import { seededConsole, workshopWithParticipants } from "./support/consoleFixtures";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES } from "./support/testDatabase";

const BASE = "/api/console/questionnaires/follow-up";
const bindingsPath = (version: number) => `${BASE}/versions/${version}/report-bindings`;
const [V1, V2] = shippedReportBindings;

/** v2 with the "new projects" question asked differently: a single choice under a new id. */
function v3WithNewProjectsRenamed(): QuestionnaireDefinition {
  const v3 = structuredClone({ ...followUpV2, version: 3 });
  for (const section of v3.sections)
    section.questions = section.questions.map((q) =>
      q.id === "newProjects"
        ? {
            id: "projectsStarted",
            type: "single_choice" as const,
            label: "Has your administration started or enhanced a modernization project since the workshop?",
            required: true,
            options: [
              { value: "started", label: "Yes, started one" },
              { value: "enhanced", label: "Yes, enhanced one" },
              { value: "none", label: "No" },
            ],
          }
        : q.id === "newProjectsDescription"
          ? { ...q, visibleWhen: { question: "projectsStarted", equals: "started" } }
          : q,
    );
  return v3;
}

describe.each(ENGINES)("report bindings (%s)", (engine) => {
  const start = new Date("2026-02-15T09:00:00.000Z");
  const seeded = seededConsole(engine, () => start, { signIn: "organiser and viewer" });
  /** Where a form that has just loaded the bindings saves them (?revision= as loaded). */
  const savePath = async (version: number) =>
    `${bindingsPath(version)}?revision=${await loadedRevision(seeded.app, bindingsPath(version), seeded.me)}`;

  it("ships versions 1 and 2 bound from their data files, readable by a viewer", async () => {
    for (const [version, shipped] of [
      [1, V1],
      [2, V2],
    ] as const) {
      const res = await consoleRequest(seeded.app, "GET", bindingsPath(version), seeded.viewer);
      expect(res.status).toBe(200);
      expect(reportBindingsResult.parse(await res.json())).toEqual({
        bindings: shipped.bindings,
        revision: 1,
        problems: [],
      });
    }
    expect((await consoleRequest(seeded.app, "GET", bindingsPath(9), seeded.viewer)).status).toBe(404);
  });

  it("refuses a viewer, a change without the CSRF token, an oversized body and bindings naming a missing option", async () => {
    const changed: ReportBindings = {
      ...V2.bindings,
      efficiency: { question: "efficiencyImproved", yes: ["yes"], no: ["maybe"] },
    };
    expect((await consoleRequest(seeded.app, "PUT", bindingsPath(2), seeded.viewer, changed)).status).toBe(403);
    const noToken = await consoleRequest(seeded.app, "PUT", await savePath(2), seeded.me, changed, { csrf: false });
    expect((await errorOf(noToken)).code).toBe("csrf_token_invalid");
    const huge = { ...changed, padding: "x".repeat(20_000) };
    expect((await consoleRequest(seeded.app, "PUT", await savePath(2), seeded.me, huge)).status).toBe(413);
    const refused = await consoleRequest(seeded.app, "PUT", await savePath(2), seeded.me, changed);
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({
      code: "invalid_report_bindings",
      details: [{ path: "efficiency.no", code: "unknown_option", message: 'The question has no option "maybe".' }],
    });
    const stored = await consoleRequest(seeded.app, "GET", bindingsPath(2), seeded.me);
    expect(reportBindingsResult.parse(await stored.json()).bindings).toEqual(V2.bindings);
  });

  it("rebinds a published version: bindings are not part of its content, so its hash stays", async () => {
    const before = questionnaireVersionResult.shape.version.parse(
      await (await consoleRequest(seeded.app, "GET", `${BASE}/versions/1`, seeded.me)).json(),
    );
    const rebound: ReportBindings = { ...V1.bindings, efficiency: null };
    const res = await consoleRequest(seeded.app, "PUT", await savePath(1), seeded.me, rebound);
    expect(res.status).toBe(200);
    const read = await consoleRequest(seeded.app, "GET", bindingsPath(1), seeded.viewer);
    expect(reportBindingsResult.parse(await read.json()).bindings).toEqual(rebound);
    const after = questionnaireVersionResult.shape.version.parse(
      await (await consoleRequest(seeded.app, "GET", `${BASE}/versions/1`, seeded.me)).json(),
    );
    expect(after.contentHash).toBe(before.contentHash);
    expect((await consoleRequest(seeded.app, "PUT", await savePath(1), seeded.me, V1.bindings)).status).toBe(200);
  });

  let v3CampaignId = "";
  let v3InvitationCode = "";
  it("copies bindings into a new draft and warns on publish about the tables the renamed question would lose", async () => {
    const created = await consoleRequest(seeded.app, "POST", `${BASE}/versions`, seeded.me, { fromVersion: 2 });
    expect(created.status).toBe(201);
    const copied = await consoleRequest(seeded.app, "GET", bindingsPath(3), seeded.me);
    expect(reportBindingsResult.parse(await copied.json())).toEqual({
      bindings: V2.bindings,
      revision: 1,
      problems: [],
    });

    const draftRevision = await loadedRevision(seeded.app, `${BASE}/versions/3`, seeded.me);
    const saved = await consoleRequest(
      seeded.app,
      "PUT",
      `${BASE}/versions/3?revision=${draftRevision}`,
      seeded.me,
      v3WithNewProjectsRenamed(),
    );
    expect(saved.status).toBe(200);
    const published = await consoleRequest(seeded.app, "POST", `${BASE}/versions/3/publish`, seeded.me);
    expect(published.status).toBe(200);
    const { warnings } = questionnaireVersionResult.parse(await published.json());
    expect(warnings.filter((w) => w.path.startsWith("reportBindings")).map((w) => [w.path, w.code])).toEqual([
      ["reportBindings.newProjects.question", "unknown_question"],
      ["reportBindings.newProjects", "report_table_unbound"],
      ["reportBindings.projectsByAction", "report_table_unbound"],
    ]);

    const workshopId = await workshopWithParticipants(seeded.app, seeded.me, {
      title: "Sub-regional Workshop on Risk Management for the Pacific",
      kind: "sub-regional",
      mode: "in-person",
      startsOn: "2025-09-01",
      endsOn: "2025-09-05",
      administrationCodes: ["FJ", "VU"],
      participants: [{ name: "Kalo Natapei", administrationCode: "VU", email: "kalo@example.org" }],
    });
    const res = await consoleRequest(seeded.app, "POST", `/api/console/workshops/${workshopId}/campaigns`, seeded.me, {
      questionnaireVersion: 3,
      opensAt: "2026-02-01T00:00:00.000Z",
    });
    const campaign = campaignDetail.parse(await res.json());
    v3CampaignId = campaign.campaign.id;
    v3InvitationCode = campaign.invitations[0].code;
  });

  it("leaves a v3 reply out of Tables 6 and 7 and says so, until the organiser binds v3", async () => {
    const {
      newProjects: _dropped,
      newProjectsDescription: _alsoDropped,
      ...answers
    } = validAnswers({
      administration: "VU",
    });
    const reply = validReply({
      campaignId: v3CampaignId,
      invitationCode: v3InvitationCode,
      questionnaireVersion: 3,
      answers: { ...answers, projectsStarted: "none" },
    });
    const { results } = await postBatch(seeded.app, [reply]);
    expect(results[0]).toMatchObject({ outcome: "stored" });

    const report = async () =>
      (await (
        await consoleRequest(seeded.app, "GET", "/api/console/report/2025-26", seeded.viewer)
      ).json()) as BuiltReport;
    const unbound = await report();
    expect(unbound.report.tables.newProjects.total.replies).toBe(0);
    expect(unbound.report.tables.directEffects.total.replies).toBe(1);
    expect(unbound.report.leftOut.newProjects).toEqual([
      expect.objectContaining({ questionnaireId: "follow-up", version: 3, replies: 1, replyIds: [reply.id] }),
    ]);
    expect(unbound.report.leftOut.projectsByAction).toHaveLength(1);
    expect(unbound.report.leftOut.directEffects).toEqual([]);
    const screen = (await (
      await consoleRequest(seeded.app, "GET", "/api/console/report/2025-26/tables", seeded.viewer)
    ).json()) as { leftOut: Array<{ table: number; replyIds: string[]; unbound: string[]; reason?: string }> };
    // Codes, not a sentence: the console words the reason in its own language.
    expect(screen.leftOut.map((l) => [l.table, l.replyIds, l.unbound, l.reason])).toEqual([
      [6, [reply.id], ["newProjects"], undefined],
      [7, [reply.id], ["newProjects"], undefined],
    ]);

    const bound: ReportBindings = {
      ...V2.bindings,
      newProjects: { question: "projectsStarted", yes: ["started", "enhanced"], no: ["none"] },
    };
    expect((await consoleRequest(seeded.app, "PUT", await savePath(3), seeded.me, bound)).status).toBe(200);
    const rebound = await report();
    expect(rebound.report.tables.newProjects.total).toMatchObject({ replies: 1, yes: 0, no: 1 });
    expect(Object.values(rebound.report.leftOut).flat()).toEqual([]);
  });
});
