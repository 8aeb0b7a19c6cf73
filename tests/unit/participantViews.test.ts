import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { saveInvitation } from "../../src/app/store/campaigns";
import { db } from "../../src/app/store/db";
import { submitDraft } from "../../src/app/store/drafts";
import { getFeedbackOnPhone, listJoinedCampaigns } from "../../src/app/store/homeOverview";
import { loadReplyForRelay, loadReplyView } from "../../src/app/store/replyView";
import { loadSurveyContext } from "../../src/app/store/surveyContext";
import { followUpV2, invitation, INVITATION_CODE, resetDb } from "./support/fixtures";

const FEEDBACK = {
  campaignId: "survey-2023-rkc",
  version: 1,
  workshopTitle: "RKC",
  title: "What you told us",
  message: "Thanks",
  publishedAt: "2023-08-01T00:00:00Z",
  tables: [],
  quotes: [],
};

beforeEach(async () => {
  await resetDb();
  // Samoa's code sorts last, its name does not: the survey lists administrations by name.
  const administrations = [
    ...invitation().administrations,
    { code: "WS", name: "Samoa", subRegion: "pacific-islands" as const },
  ];
  await saveInvitation(invitation({ relayKey: "a2V5", administrations }));
});

async function sendTheReply(): Promise<string> {
  const ready = await loadSurveyContext(INVITATION_CODE);
  if (ready.kind !== "ready") throw new Error("no draft");
  await db.drafts.update(ready.context.draft.id, {
    answers: {
      ...ready.context.draft.answers,
      followUpActions: { choices: ["shared_materials"] },
      application: "x",
      directEffects: "no",
      efficiencyImproved: "no",
      newProjects: "no",
    },
  });
  const sent = await submitDraft(ready.context.draft.id);
  if (!sent.ok) throw new Error(JSON.stringify(sent.issues));
  return sent.entry.id;
}

describe("the survey's context", () => {
  it("is not_joined for an invitation never opened on this phone", async () => {
    expect(await loadSurveyContext("NOPE-XX")).toEqual({ kind: "not_joined" });
  });

  it("starts a draft pinned to its version, with the workshop and administrations sorted by name", async () => {
    const result = await loadSurveyContext(INVITATION_CODE);
    if (result.kind !== "ready") throw new Error(result.kind);
    expect(result.context.definition.version).toBe(1);
    expect(result.context.administrations.map((a) => a.name)).toEqual(["Fiji", "Samoa", "Tonga"]);
    expect(result.context).toMatchObject({
      workshopTitle: "Regional Workshop on the Revised Kyoto Convention",
      dueOn: "2023-06-22",
      campaignStatus: "open",
    });
    expect(await db.drafts.count()).toBe(1);
  });

  it("names on the home screen the questionnaire the draft is pinned to, not a newer one that arrived", async () => {
    await loadSurveyContext(INVITATION_CODE);
    const v2 = invitation({ questionnaire: { ...followUpV2(), title: "Newer title" } });
    v2.campaign.questionnaireVersion = 2;
    await saveInvitation(v2);
    const [item] = await listJoinedCampaigns();
    expect(item.questionnaire?.title).toBe(invitation().questionnaire.title);
  });

  it("stays on the draft's version after a newer questionnaire arrives", async () => {
    await loadSurveyContext(INVITATION_CODE);
    const v2 = invitation({ questionnaire: followUpV2() });
    v2.campaign.questionnaireVersion = 2;
    await saveInvitation(v2);
    const result = await loadSurveyContext(INVITATION_CODE);
    expect(result.kind === "ready" && result.context.definition.version).toBe(1);
  });

  it("points to the reply once it was sent, instead of starting a second draft", async () => {
    const replyId = await sendTheReply();
    expect(await loadSurveyContext(INVITATION_CODE)).toEqual({ kind: "already_replied", replyId });
    expect(await db.drafts.count()).toBe(0);
  });
});

describe("the home screen and one reply", () => {
  it("lists each joined campaign with its workshop, draft, replies and feedback", async () => {
    const replyId = await sendTheReply();
    await db.feedback.put({ invitationCode: INVITATION_CODE, fetchedAt: "2023-08-02T00:00:00Z", feedback: FEEDBACK });
    const [item, ...rest] = await listJoinedCampaigns();
    expect(rest).toEqual([]);
    expect(item.workshop?.id).toBe("ws-2023-rkc");
    expect(item.draft).toBeUndefined();
    expect(item.replies.map((r) => r.id)).toEqual([replyId]);
    expect(item.feedback?.feedback.title).toBe("What you told us");
    expect((await getFeedbackOnPhone(INVITATION_CODE))?.feedback.title).toBe("What you told us");
  });

  it("shows a reply with its questionnaire version and workshop, and nothing for an unknown id", async () => {
    const replyId = await sendTheReply();
    const view = await loadReplyView(replyId);
    expect(view.entry?.id).toBe(replyId);
    expect(view.definition?.version).toBe(1);
    expect(view.workshop?.title).toBe("Regional Workshop on the Revised Kyoto Convention");
    expect(view.administrations).toHaveLength(3);
    expect(await loadReplyView("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51")).toEqual({ entry: undefined });
  });

  it("gives a reply to relay with its invitation's key, and says why when it cannot", async () => {
    const replyId = await sendTheReply();
    expect(await loadReplyForRelay(replyId)).toMatchObject({ kind: "ready", entry: { id: replyId }, relayKey: "a2V5" });
    await db.campaigns.update(INVITATION_CODE, { relayKey: undefined });
    expect(await loadReplyForRelay(replyId)).toEqual({ kind: "no_relay_key" });
    expect(await loadReplyForRelay("01936f0e-8a4b-7c3d-9e2f-0a1b2c3d4e51")).toEqual({ kind: "not_on_phone" });
  });
});
