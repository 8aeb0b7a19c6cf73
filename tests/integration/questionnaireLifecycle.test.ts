// Questionnaire versions as data on the real server: draft → published → retired, every refusal on the way, on both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { campaignDetail, consoleWorkshop, type CampaignDetail } from "../../src/shared/console";
import type { QuestionnaireDefinition } from "../../src/shared/questionnaire";
import {
  questionnaireVersionDetail,
  questionnaireVersionList,
  questionnaireVersionResult,
} from "../../src/shared/questionnaireVersions";
import { withInhouseLogOnQuestion } from "../../src/shared/inhouseSuggestion";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { createApp } from "../../src/server/http/app";
import { QuestionnaireVersionFrozen, findQuestionnaire, updateDraft } from "../../src/server/db/questionnaires";
import { questionnaireContentHash } from "../../src/server/questionnaires/contentHash";
import { addOrganiser, consoleRequest, loadedRevision, signIn, type SignedIn } from "./support/consoleClient";
import { validAnswers, validReply } from "./support/replyFixtures";
import { errorOf, postBatch } from "./support/requests";
import { ENGINES, openSeededDatabase } from "./support/testDatabase";

const BASE = "/api/console/questionnaires/follow-up";

/** v2 with one label reworded and the "hybrid" option gone: a typical next version. */
function editedV3(): QuestionnaireDefinition {
  const v3 = structuredClone({ ...followUpV2, version: 3 });
  const comments = v3.sections.find((s) => s.id === "comments")!;
  comments.questions = comments.questions.map((q) =>
    q.id === "preferredFormat" && q.type === "single_choice"
      ? { ...q, options: q.options.filter((o) => o.value !== "hybrid") }
      : q.id === "otherComments"
        ? { ...q, label: "Anything else you want to tell us" }
        : q,
  );
  return v3;
}

describe.each(ENGINES)("questionnaire version lifecycle (%s)", (engine) => {
  const start = new Date("2026-03-02T09:00:00.000Z");
  let ctx: Awaited<ReturnType<typeof openSeededDatabase>>;
  let app: ReturnType<typeof createApp>;
  let me: SignedIn;
  let viewer: SignedIn;
  let workshopId: string;

  /** Where an editor that has just loaded version `v` saves it (?revision= as loaded). */
  const draftPath = async (v: number) =>
    `${BASE}/versions/${v}?revision=${await loadedRevision(app, `${BASE}/versions/${v}`, me)}`;
  const newCampaign = (body: object) =>
    consoleRequest(app, "POST", `/api/console/workshops/${workshopId}/campaigns`, me, body);

  beforeAll(async () => {
    ctx = await openSeededDatabase(engine, start);
    app = createApp({ db: ctx.db, now: () => start });
    await addOrganiser(ctx.db, "org@example.org", "organiser", start);
    await addOrganiser(ctx.db, "viewer@example.org", "viewer", start);
    me = await signIn(app, "org@example.org");
    viewer = await signIn(app, "viewer@example.org");
    const ws = await consoleRequest(app, "POST", "/api/console/workshops", me, {
      title: "National Workshop on AEO for Vanuatu",
      kind: "national",
      mode: "in-person",
      startsOn: "2025-09-01",
      endsOn: "2025-09-03",
      administrationCodes: ["VU"],
    });
    workshopId = consoleWorkshop.parse(await ws.json()).id;
    await consoleRequest(app, "POST", `/api/console/workshops/${workshopId}/participants`, me, {
      name: "Participant VU",
      administrationCode: "VU",
      email: "p-vu@example.org",
    });
  });
  afterAll(() => ctx.close());

  it("stores the shipped v1 and v2 as published, each with the SHA-256 of its canonical JSON", async () => {
    const list = questionnaireVersionList.parse(
      await (await consoleRequest(app, "GET", "/api/console/questionnaires", viewer)).json(),
    );
    expect(list.questionnaires.map((q) => [q.version, q.status, q.contentHash])).toEqual([
      [2, "published", questionnaireContentHash(followUpV2)],
      [1, "published", questionnaireContentHash(followUpV1)],
    ]);
  });

  it("lets a viewer read a version but not start a draft", async () => {
    const res = await consoleRequest(app, "GET", `${BASE}/versions/2`, viewer);
    expect(questionnaireVersionDetail.parse(await res.json()).definition).toEqual(followUpV2);
    const refused = await consoleRequest(app, "POST", `${BASE}/versions`, viewer, {});
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("forbidden");
  });

  it("starts the next draft from the newest published version, recording who and when", async () => {
    const res = await consoleRequest(app, "POST", `${BASE}/versions`, me, {});
    expect(res.status).toBe(201);
    const { version } = questionnaireVersionResult.parse(await res.json());
    expect(version).toMatchObject({
      version: 3,
      status: "draft",
      basedOnVersion: 2,
      contentHash: null,
      createdAt: start.toISOString(),
      publishedAt: null,
    });
    expect(version.createdBy).toEqual(expect.any(String));
    // A copy of v2, with where the in-house log goes (a data file beside v2) now said on its question.
    expect(version.definition).toEqual({ ...withInhouseLogOnQuestion(followUpV2), version: 3 });
  });

  it("refuses a draft edit that breaks the definition schema, naming each field in plain words", async () => {
    const broken = {
      ...editedV3(),
      title: "",
      sections: [{ id: "only", title: "Only", questions: [{ id: "q", type: "short_text", required: true }] }],
    };
    const res = await consoleRequest(app, "PUT", await draftPath(3), me, broken);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_request");
    expect(error.details?.map((d) => d.path)).toEqual(
      expect.arrayContaining(["title", "sections.0.questions.0.label"]),
    );
    expect(error.details?.find((d) => d.path === "sections.0.questions.0.label")?.message).toBe(
      '"sections.0.questions.0.label" is missing.',
    );
  });

  it("updates a draft, and refuses to change a published version over HTTP and in the database layer", async () => {
    expect((await consoleRequest(app, "PUT", await draftPath(3), me, editedV3())).status).toBe(200);
    const frozen = await consoleRequest(app, "PUT", await draftPath(2), me, { ...editedV3(), version: 2 });
    expect(frozen.status).toBe(409);
    expect(await errorOf(frozen)).toMatchObject({
      code: "version_frozen",
      message: expect.stringContaining("Create a new draft from it"),
    });
    await expect(
      updateDraft(
        ctx.db,
        { ...followUpV2, title: "Changed behind the routes' back" },
        { expectedRevision: 1, editor: { id: "behind-the-routes", name: "Nobody" }, at: start },
      ),
    ).rejects.toBeInstanceOf(QuestionnaireVersionFrozen);
    expect(await findQuestionnaire(ctx.db, "follow-up", 2)).toEqual(followUpV2);
    expect((await consoleRequest(app, "DELETE", `${BASE}/versions/2`, me)).status).toBe(409);
  });

  it("refuses a campaign on a draft with a plain message, and keeps opening new campaigns on the newest published version", async () => {
    const refused = await newCampaign({ questionnaireVersion: 3 });
    expect(refused.status).toBe(422);
    expect(await errorOf(refused)).toMatchObject({
      code: "questionnaire_not_published",
      message: 'Questionnaire "follow-up" version 3 is a draft that may still change: publish it first.',
    });
    const res = await newCampaign({});
    expect(campaignDetail.parse(await res.json()).campaign.questionnaireVersion).toBe(2);
  });

  it("refuses to publish a draft whose condition points at a later question, listing the problem", async () => {
    const v3 = editedV3();
    const effects = v3.sections.find((s) => s.id === "effects")!;
    effects.questions[0] = { ...effects.questions[0], visibleWhen: { question: "newProjects", equals: "yes" } };
    await consoleRequest(app, "PUT", await draftPath(3), me, v3);
    const res = await consoleRequest(app, "POST", `${BASE}/versions/3/publish`, me);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_questionnaire");
    expect(error.details).toEqual([
      {
        path: "sections.3.questions.0.visibleWhen",
        code: "condition_on_later_question",
        message: '"directEffects" depends on "newProjects", which is not a question before it.',
        problem: { code: "checkConditionOnLater", params: { id: "directEffects", controller: "newProjects" } },
      },
    ]);
  });

  let v3Campaign: CampaignDetail;
  it("publishes a valid draft: answers its hash, warns about the option it lost, and new campaigns default to it", async () => {
    await consoleRequest(app, "PUT", await draftPath(3), me, editedV3());
    const res = await consoleRequest(app, "POST", `${BASE}/versions/3/publish`, me);
    expect(res.status).toBe(200);
    const result = questionnaireVersionResult.parse(await res.json());
    expect(result.version).toMatchObject({
      status: "published",
      contentHash: questionnaireContentHash(editedV3()),
      publishedAt: start.toISOString(),
    });
    expect(result.warnings).toEqual([expect.objectContaining({ path: "preferredFormat", code: "option_removed" })]);
    v3Campaign = campaignDetail.parse(await (await newCampaign({ opensAt: "2026-03-01T00:00:00.000Z" })).json());
    expect(v3Campaign.campaign.questionnaireVersion).toBe(3);
    expect((await consoleRequest(app, "PUT", await draftPath(3), me, editedV3())).status).toBe(409);
    expect((await consoleRequest(app, "POST", `${BASE}/versions/3/publish`, me)).status).toBe(409);
  });

  it("retires a version: no new campaigns on it, but its campaign still takes replies", async () => {
    const res = await consoleRequest(app, "POST", `${BASE}/versions/3/retire`, me);
    expect(questionnaireVersionResult.parse(await res.json()).version).toMatchObject({
      status: "retired",
      retiredAt: start.toISOString(),
    });
    const refused = await newCampaign({ questionnaireVersion: 3 });
    expect(await errorOf(refused)).toMatchObject({
      code: "questionnaire_not_published",
      message: expect.stringContaining("was retired"),
    });
    expect(campaignDetail.parse(await (await newCampaign({})).json()).campaign.questionnaireVersion).toBe(2);
    const invitation = v3Campaign.invitations[0].code;
    const { results } = await postBatch(app, [
      validReply({
        campaignId: v3Campaign.campaign.id,
        invitationCode: invitation,
        questionnaireVersion: 3,
        answers: validAnswers({ administration: "VU" }),
      }),
    ]);
    expect(results[0]).toMatchObject({ outcome: "stored" });
    expect((await consoleRequest(app, "POST", `${BASE}/versions/3/retire`, me)).status).toBe(409);
  });

  it("deletes a draft, which frees its version number", async () => {
    const draft = questionnaireVersionResult.parse(
      await (await consoleRequest(app, "POST", `${BASE}/versions`, me, { fromVersion: 1 })).json(),
    );
    expect(draft.version).toMatchObject({ version: 4, basedOnVersion: 1 });
    expect((await consoleRequest(app, "DELETE", `${BASE}/versions/4`, viewer)).status).toBe(403);
    expect((await consoleRequest(app, "DELETE", `${BASE}/versions/4`, me)).status).toBe(204);
    expect((await consoleRequest(app, "GET", `${BASE}/versions/4`, me)).status).toBe(404);
  });
});
