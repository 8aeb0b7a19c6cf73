// Questionnaire v2 lets a respondent who has taken no follow-up action yet reply, and the report counts them right.
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/shared/answerValidation";
import type { Answers, MultipleChoiceAnswer } from "../../src/shared/answers";
import { toggleChoice } from "../../src/shared/choiceToggle";
import { allQuestions, findQuestion, questionnaireDefinition } from "../../src/shared/questionnaire";
import { bundledQuestionnaires, followUpLatest, followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { computeReport, followUpActionsTable, type ReportReply, type ReportWorkshop } from "../../src/shared/report";
import { expectConsistent } from "../fixtures/reportConsistency";

const lists = { lists: { administrations: ["TO", "WS", "FJ"] } };
const base: Answers = {
  name: "Losa Faleolo",
  administration: "WS",
  email: "losa@customs.gov.ws",
  application: "Not applied yet: our unit was reorganised after the workshop.",
  directEffects: "no",
  efficiencyImproved: "yes",
  newProjects: "no",
};
const noneYet: Answers = { ...base, followUpActions: { choices: ["none_yet"] } };
const codesFor = (answers: Answers, definition = followUpV2) =>
  validateAnswers(definition, answers, lists).map((i) => `${i.question}:${i.code}`);
const actionsQuestion = findQuestion(followUpV2, "followUpActions");
const options = actionsQuestion?.type === "multiple_choice" ? actionsQuestion.options : [];

describe("questionnaire v2", () => {
  it("is the newest bundled version, and v1 is still shipped unchanged for its campaigns and drafts", () => {
    expect(followUpLatest).toBe(followUpV2);
    expect(bundledQuestionnaires.map((q) => `${q.id}@${q.version}`)).toEqual(["follow-up@1", "follow-up@2"]);
    const v1Actions = findQuestion(followUpV1, "followUpActions");
    expect(v1Actions?.type === "multiple_choice" && v1Actions.options.map((o) => o.value)).toEqual([
      "shared_materials",
      "submitted_report",
      "made_recommendations",
      "inhouse_workshop",
      "developed_manuals",
      "other",
    ]);
  });

  it("offers 'none yet' as the one exclusive option, last, and keeps every v1 question id so old replies read the same", () => {
    expect(options.filter((o) => o.exclusive).map((o) => [o.value, o.label])).toEqual([
      ["none_yet", "I have not taken any follow-up action yet"],
    ]);
    expect(options.at(-1)?.value).toBe("none_yet");
    const v2Ids = new Set(allQuestions(followUpV2).map((q) => q.id));
    expect(
      allQuestions(followUpV1)
        .filter((q) => !v2Ids.has(q.id))
        .map((q) => q.id),
    ).toEqual([]);
    expect([...v2Ids].filter((id) => !findQuestion(followUpV1, id))).toEqual([
      "preferredFormat",
      "technicalAssistanceNeeds",
    ]);
  });

  it("an exclusive option is part of the schema: a definition with exclusive as text is refused at its path", () => {
    const broken = structuredClone(followUpV2) as unknown as {
      sections: Array<{ questions: Array<{ options?: Array<Record<string, unknown>> }> }>;
    };
    broken.sections[1].questions[0].options![6].exclusive = "yes";
    const parsed = questionnaireDefinition.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("sections.1.questions.0.options.6.exclusive");
  });
});

describe("answering 'none yet'", () => {
  it("is a complete reply on v2", () => {
    expect(codesFor(noneYet)).toEqual([]);
  });

  it("combined with an action is refused with its own code, whichever comes first", () => {
    expect(codesFor({ ...base, followUpActions: { choices: ["none_yet", "shared_materials"] } })).toEqual([
      "followUpActions:exclusive_choice",
    ]);
    expect(
      codesFor({ ...base, followUpActions: { choices: ["other", "none_yet"], specify: "Briefed the minister" } }),
    ).toEqual(["followUpActions:exclusive_choice"]);
    const [issue] = validateAnswers(
      followUpV2,
      { ...base, followUpActions: { choices: ["shared_materials", "none_yet"] } },
      lists,
    );
    expect(issue.message).toContain("I have not taken any follow-up action yet");
  });

  it("is not an option of v1: a v1 reply cannot claim it", () => {
    expect(codesFor(noneYet, followUpV1)).toEqual(["followUpActions:invalid_choice"]);
  });

  it("skipping the question altogether is still refused: 'none yet' is an answer to give, not a default", () => {
    expect(codesFor(base)).toEqual(["followUpActions:required"]);
    const [issue] = validateAnswers(followUpV2, base, lists);
    expect(issue.message).toBe('Choose at least one option, or "I have not taken any follow-up action yet".');
  });

  it("says what is missing for each kind of question, and names the option to describe", () => {
    const messages = (answers: Answers) =>
      validateAnswers(followUpV2, answers, lists).map((i) => `${i.question}: ${i.message}`);
    const { directEffects: _d, email: _e, ...rest } = noneYet;
    expect(messages(rest)).toEqual(["email: Please give an e-mail address.", "directEffects: Choose one answer."]);
    expect(messages({ ...noneYet, followUpActions: { choices: ["other"] } })).toEqual([
      'followUpActions: Please describe "Other".',
    ]);
  });
});

describe("ticking options on screen", () => {
  const pick = (current: MultipleChoiceAnswer, value: string, checked = true) =>
    toggleChoice(options, current, value, checked);

  it("ticking 'none yet' clears the actions ticked before, and their 'specify' text, and says which", () => {
    const result = pick({ choices: ["shared_materials", "other"], specify: "Briefed the minister" }, "none_yet");
    expect(result).toEqual({ answer: { choices: ["none_yet"] }, cleared: ["shared_materials", "other"] });
  });

  it("ticking an action after 'none yet' clears 'none yet'", () => {
    expect(pick({ choices: ["none_yet"] }, "submitted_report")).toEqual({
      answer: { choices: ["submitted_report"] },
      cleared: ["none_yet"],
    });
  });

  it("ordinary options add up, keep the 'specify' text while 'other' stays, and unticking the last leaves no answer", () => {
    const withOther = pick({ choices: ["other"], specify: "Briefed the minister" }, "shared_materials");
    expect(withOther).toEqual({
      answer: { choices: ["other", "shared_materials"], specify: "Briefed the minister" },
      cleared: [],
    });
    expect(pick({ choices: ["other", "shared_materials"], specify: "x" }, "other", false)).toEqual({
      answer: { choices: ["shared_materials"] },
      cleared: [],
    });
    expect(pick({ choices: ["none_yet"] }, "none_yet", false)).toEqual({ answer: undefined, cleared: [] });
  });
});

describe("the report with 'none yet' replies", () => {
  const workshop: ReportWorkshop = {
    id: "w",
    title: "Risk management, Pacific",
    kind: "sub-regional",
    fiscalYear: "2024/25",
    participatingAdministrations: 6,
    invitedParticipants: 12,
  };
  const v1Reply: ReportReply = {
    workshopId: "w",
    administrationCode: "FJ",
    answers: {
      followUpActions: { choices: ["shared_materials", "inhouse_workshop"] },
      directEffects: "yes",
      efficiencyImproved: "yes",
      newProjects: "yes",
    },
  };
  const v2Action: ReportReply = {
    workshopId: "w",
    administrationCode: "TO",
    answers: {
      followUpActions: { choices: ["submitted_report"] },
      directEffects: "no",
      efficiencyImproved: "yes",
      newProjects: "no",
    },
  };
  const v2NoneYet: ReportReply = { workshopId: "w", administrationCode: "WS", answers: noneYet };
  const skipped: ReportReply = { workshopId: "w", administrationCode: "FJ", answers: { directEffects: "no" } };

  it("counts a 'none yet' reply in replies and answered, in no action column, and separately as no action yet", () => {
    const row = followUpActionsTable([workshop], [v1Reply, v2Action, v2NoneYet, skipped]).rows[0];
    expect([row.replies, row.answered, row.noActionYet]).toEqual([4, 3, 1]);
    expect(Object.fromEntries(Object.entries(row.actions).map(([a, c]) => [a, c.count]))).toEqual({
      shared_materials: 1,
      submitted_report: 1,
      made_recommendations: 0,
      inhouse_workshop: 1,
      developed_manuals: 0,
      other: 0,
    });
    expect(row.actions.submitted_report.percent).toBe(25);
  });

  it("puts v1 and v2 replies into the same seven tables, 'none yet' counting in Tables 1, 3, 5 and 6 and in no action list", () => {
    const regional: ReportWorkshop = { ...workshop, id: "r", title: "Regional AEO", kind: "regional" };
    const report = computeReport({
      fiscalYear: "2024/25",
      workshops: [workshop, regional],
      replies: [v1Reply, v2Action, v2NoneYet],
    });
    const t = report.tables;
    expectConsistent(t.followUpActions, (r) => expect(r.noActionYet).toBeLessThanOrEqual(r.answered));
    expect(t.replies.total.replies).toBe(3);
    expect([t.directEffects.total.yes, t.directEffects.total.no]).toEqual([1, 2]);
    expect([t.efficiency.total.yes, t.efficiency.total.replies]).toEqual([3, 3]);
    expect([t.newProjects.total.yes, t.newProjects.total.no]).toEqual([1, 2]);
    expect(t.followUpActions.total).toMatchObject({ replies: 3, answered: 3, noActionYet: 1 });
    const lists = t.effectsByAction.rows[0];
    expect(lists.administrations.shared.map((a) => a.code)).toEqual(["FJ"]);
    expect(lists.respondingAdministrations).toBe(3);
    expect(t.projectsByAction.rows[0].administrations.reports.map((a) => a.code)).toEqual(["TO"]);
  });

  it("never counts 'none yet' as an action even when a malformed reply combines it with one", () => {
    const mixed: ReportReply = {
      workshopId: "w",
      administrationCode: "TO",
      answers: { followUpActions: { choices: ["none_yet", "shared_materials"] } },
    };
    const row = followUpActionsTable([workshop], [mixed]).rows[0];
    expect([row.answered, row.noActionYet, row.actions.shared_materials.count]).toEqual([1, 0, 1]);
  });
});
