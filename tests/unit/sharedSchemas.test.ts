// The shared schemas refuse what they must, each for the reason the server and the phone then report.
import { describe, expect, it } from "vitest";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { campaignAcceptsReplies, type Campaign } from "../../src/shared/campaign";
import { questionnaireDefinition } from "../../src/shared/questionnaire";
import { followUpV1 } from "../../src/shared/questionnaires";
import followUpV1Json from "../../src/shared/questionnaires/follow-up-v1.json";
import followUpV2Json from "../../src/shared/questionnaires/follow-up-v2.json";
import { questionnaireContentHash } from "../../src/server/questionnaires/contentHash";
import { reply, type ReplyInput } from "../../src/shared/reply";

const validReply = (): ReplyInput => ({
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

type SafeParse =
  | { success: true }
  | { success: false; error: { issues: ReadonlyArray<{ code: string; path: PropertyKey[]; keys?: string[] }> } };

/** A refusal's issues as code and dotted path (and unknown keys): a refusal for some other reason fails the test. */
function refusalOf(result: SafeParse): Array<{ code: string; path: string; keys?: string[] }> {
  if (result.success) throw new Error("expected a refusal, the value was accepted");
  return result.error.issues.map((i) => ({
    code: i.code,
    path: i.path.map(String).join("."),
    ...(i.keys ? { keys: i.keys } : {}),
  }));
}

describe("reply schema", () => {
  it("accepts a complete reply", () => {
    expect(reply.safeParse(validReply()).success).toBe(true);
  });

  it("refuses a field it does not know", () => {
    expect(refusalOf(reply.safeParse({ ...validReply(), deviceName: "Pixel" }))).toEqual([
      { code: "unrecognized_keys", path: "", keys: ["deviceName"] },
    ]);
  });

  it("refuses a reply missing a required field", () => {
    const { submittedAt: _dropped, ...withoutSubmittedAt } = validReply();
    expect(refusalOf(reply.safeParse(withoutSubmittedAt))).toEqual([{ code: "invalid_type", path: "submittedAt" }]);
  });

  it("refuses an id that is a UUID but not version 7", () => {
    expect(refusalOf(reply.safeParse({ ...validReply(), id: uuidv4() }))).toEqual([
      { code: "invalid_format", path: "id" },
    ]);
  });

  it("refuses a lowercase invitation code", () => {
    expect(refusalOf(reply.safeParse({ ...validReply(), invitationCode: "demo-to1" }))).toEqual([
      { code: "invalid_format", path: "invitationCode" },
    ]);
  });

  it("refuses a multiple-choice answer with an unexpected field", () => {
    const candidate = { ...validReply(), answers: { followUpActions: { choices: ["other"], extra: true } } };
    expect(refusalOf(reply.safeParse(candidate))).toEqual([
      { code: "unrecognized_keys", path: "answers.followUpActions", keys: ["extra"] },
    ]);
  });
});

describe("bundled questionnaire", () => {
  it("follow-up v1 parses against the questionnaire schema", () => {
    const parsed = questionnaireDefinition.safeParse(followUpV1Json);
    expect(parsed.success).toBe(true);
    expect(followUpV1.version).toBe(1);
    expect(followUpV1.sections.flatMap((s) => s.questions).map((q) => q.id)).toContain("directEffectsDescription");
  });

  it("parses v1 and v2 as published, with no title translations added, so their content hashes stay the ones stored", () => {
    // The hashes the databases hold for the shipped versions since they were first published.
    const v1 = questionnaireDefinition.parse(followUpV1Json);
    const v2 = questionnaireDefinition.parse(followUpV2Json);
    expect("titles" in v1 || "titles" in v2).toBe(false);
    expect([questionnaireContentHash(v1), questionnaireContentHash(v2)]).toEqual([
      "455ecd3ae62a33f2ddbd2e3a945f6ae31e7bc3b50e0487b5605f2d5bac40d749",
      "2ab5072f61c5482c4831d8593d9b9824091eb02aae823225b6d5cf701a1f0374",
    ]);
  });

  it("takes the title in other languages by language code, and refuses an empty one", () => {
    const titled = { ...structuredClone(followUpV1Json), titles: { fr: "Questionnaire de suivi" } };
    expect(questionnaireDefinition.safeParse(titled).success).toBe(true);
    expect(refusalOf(questionnaireDefinition.safeParse({ ...titled, titles: { fr: "" } }))).toEqual([
      { code: "too_small", path: "titles.fr" },
    ]);
  });

  it("a definition with an unknown question type is refused", () => {
    const broken = structuredClone(followUpV1Json) as { sections: Array<{ questions: Array<{ type: string }> }> };
    broken.sections[0].questions[0].type = "slider";
    expect(refusalOf(questionnaireDefinition.safeParse(broken))).toEqual([
      { code: "invalid_union", path: "sections.0.questions.0.type" },
    ]);
  });
});

describe("campaignAcceptsReplies", () => {
  const campaign: Campaign = {
    id: "c",
    workshopId: "w",
    questionnaireId: "follow-up",
    questionnaireVersion: 1,
    opensAt: "2023-06-01T00:00:00Z",
    dueOn: "2023-06-22",
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
    const result = campaignAcceptsReplies(
      { ...campaign, lateRepliesAccepted: false },
      new Date("2023-07-10T00:00:00Z"),
    );
    expect(result).toMatchObject({ accepted: false, code: "campaign_closed" });
  });

  it.each([
    // 23:59 on 22 June in Pago Pago (UTC−11): still the due day there, already 23 June in Tonga.
    ["2023-06-23T10:59:00Z", false],
    // The due day has ended everywhere on Earth at midnight UTC−12.
    ["2023-06-23T11:59:59Z", false],
    ["2023-06-23T12:00:00Z", true],
  ])("a reply at %s is late: %s (nobody is late while it is still the due day where they are)", (at, late) => {
    expect(campaignAcceptsReplies(campaign, new Date(at))).toEqual({ accepted: true, late });
  });

  it("refuses before opening", () => {
    expect(campaignAcceptsReplies(campaign, new Date("2023-05-10T00:00:00Z"))).toMatchObject({
      accepted: false,
      code: "campaign_not_open_yet",
    });
  });

  it("refuses a withdrawn or closed campaign even within its dates", () => {
    const during = new Date("2023-06-10T00:00:00Z");
    expect(campaignAcceptsReplies({ ...campaign, status: "withdrawn" }, during)).toMatchObject({
      accepted: false,
      code: "campaign_withdrawn",
    });
    expect(campaignAcceptsReplies({ ...campaign, status: "closed" }, during)).toMatchObject({
      accepted: false,
      code: "campaign_closed",
    });
  });
});
