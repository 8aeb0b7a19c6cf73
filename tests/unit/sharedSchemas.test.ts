import { describe, expect, it } from "vitest";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { campaignAcceptsReplies, type Campaign } from "../../src/shared/campaign";
import { questionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV1 } from "../../src/shared/questionnaires";
import followUpV1Json from "../../src/shared/questionnaires/follow-up-v1.json";
import { reply, type Reply } from "../../src/shared/reply";

const validReply = (): Reply => ({
  id: uuidv7(),
  campaignId: "survey-2023-rkc",
  invitationCode: "DEMO-TO1",
  questionnaireId: "follow-up",
  questionnaireVersion: 1,
  answers: { name: "Sione", followUpActions: { choices: ["other"], specify: "Briefed the minister" } },
  startedAt: "2023-06-02T08:00:00Z",
  submittedAt: "2023-06-02T08:30:00.000Z",
  appVersion: "0.1.0",
});

describe("reply schema", () => {
  it("accepts a complete reply", () => {
    expect(reply.safeParse(validReply()).success).toBe(true);
  });

  it("refuses a field it does not know", () => {
    expect(reply.safeParse({ ...validReply(), deviceName: "Pixel" }).success).toBe(false);
  });

  it("refuses a reply missing a required field", () => {
    const { submittedAt: _dropped, ...withoutSubmittedAt } = validReply();
    expect(reply.safeParse(withoutSubmittedAt).success).toBe(false);
  });

  it("refuses an id that is a UUID but not version 7", () => {
    expect(reply.safeParse({ ...validReply(), id: uuidv4() }).success).toBe(false);
  });

  it("refuses a lowercase invitation code", () => {
    expect(reply.safeParse({ ...validReply(), invitationCode: "demo-to1" }).success).toBe(false);
  });

  it("refuses a multiple-choice answer with an unexpected field", () => {
    const candidate = { ...validReply(), answers: { followUpActions: { choices: ["other"], extra: true } } };
    expect(reply.safeParse(candidate).success).toBe(false);
  });
});

describe("bundled questionnaire", () => {
  it("follow-up v1 parses against the questionnaire schema", () => {
    const parsed = questionnaireDefinition.safeParse(followUpV1Json);
    expect(parsed.success).toBe(true);
    expect(followUpV1.version).toBe(1);
    expect(followUpV1.sections.flatMap((s) => s.questions).map((q) => q.id)).toContain("directEffectsDescription");
  });

  it("a definition with an unknown question type is refused", () => {
    const broken = structuredClone(followUpV1Json) as { sections: Array<{ questions: Array<{ type: string }> }> };
    broken.sections[0].questions[0].type = "slider";
    expect(questionnaireDefinition.safeParse(broken).success).toBe(false);
  });
});

describe("campaignAcceptsReplies", () => {
  const campaign: Campaign = {
    id: "c",
    workshopId: "w",
    questionnaireId: "follow-up",
    questionnaireVersion: 1,
    opensAt: "2023-06-01T00:00:00Z",
    dueAt: "2023-06-22T00:00:00Z",
    lateRepliesAccepted: true,
    status: "open",
  };

  it("takes a reply between opening and due date, not late", () => {
    expect(campaignAcceptsReplies(campaign, new Date("2023-06-10T00:00:00Z"))).toEqual({ accepted: true, late: false });
  });

  it("takes a late reply when late replies are accepted, marked late", () => {
    expect(campaignAcceptsReplies(campaign, new Date("2023-07-10T00:00:00Z"))).toEqual({ accepted: true, late: true });
  });

  it("refuses a late reply when late replies are not accepted", () => {
    const result = campaignAcceptsReplies({ ...campaign, lateRepliesAccepted: false }, new Date("2023-07-10T00:00:00Z"));
    expect(result).toMatchObject({ accepted: false, code: "campaign_closed" });
  });

  it("refuses before opening", () => {
    expect(campaignAcceptsReplies(campaign, new Date("2023-05-10T00:00:00Z"))).toMatchObject({ accepted: false, code: "campaign_not_open_yet" });
  });

  it("refuses a withdrawn or closed campaign even within its dates", () => {
    const during = new Date("2023-06-10T00:00:00Z");
    expect(campaignAcceptsReplies({ ...campaign, status: "withdrawn" }, during)).toMatchObject({ accepted: false, code: "campaign_withdrawn" });
    expect(campaignAcceptsReplies({ ...campaign, status: "closed" }, during)).toMatchObject({ accepted: false, code: "campaign_closed" });
  });
});
