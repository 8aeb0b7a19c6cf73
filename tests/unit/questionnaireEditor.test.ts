// The console editor's pure parts: changes to a draft keep ids stable and the definition valid, conditions go to and
// from the editor's clause form, refusals land on the question they are about, and the publish diff reads right.
import { describe, expect, it } from "vitest";
import { findQuestion, questionnaireDefinition, type Question } from "../../src/shared/questionnaire";
import { followUpV1, followUpV2 } from "../../src/shared/questionnaires";
import { diffDefinitions } from "../../src/shared/questionnaireDiff";
import {
  addOption,
  addQuestion,
  addSection,
  conditionForm,
  conditionFromForm,
  freshId,
  moveQuestion,
  problemsByPlace,
  questionsBefore,
  relabelOption,
  removeQuestion,
  setOptionRole,
  updateQuestion,
  withRequired,
  withType,
} from "../../src/shared/questionnaireEditing";

const actions = (definition = followUpV2) => findQuestion(definition, "followUpActions")!;
const texts = (definition = followUpV2) => diffDefinitions(followUpV2, definition).map((c) => c.text);

describe("editing a draft", () => {
  it("an option keeps the id it was given when added, however its label is reworded later", () => {
    const added = addOption(actions(), "Briefed the port authority");
    const reworded = relabelOption(added, "briefed_the_port_authority", "Briefed port and border agencies");
    expect(reworded.type === "multiple_choice" && reworded.options.at(-1)).toEqual({
      value: "briefed_the_port_authority",
      label: "Briefed port and border agencies",
    });
  });

  it("new ids are readable, start with a letter and never repeat one already taken", () => {
    expect(freshId("Other — please specify", [], "option")).toBe("other_please_specify");
    expect(freshId("Other", ["other", "other_2"], "option")).toBe("other_3");
    expect(freshId("2024 plans", [], "option")).toBe("plans");
    expect(freshId("…", [], "question")).toBe("question");
  });

  it("a question added, retyped, given options and roles still passes the definition schema", () => {
    const withSection = addSection(followUpV2, "Training needs");
    const { definition, id } = addQuestion(withSection, "training_needs", "short_text", "Which topics next year?");
    const edited = updateQuestion(definition, id, (q) =>
      setOptionRole(
        addOption(addOption(withType(q, "multiple_choice"), "Risk management"), "None"),
        "none",
        "exclusive",
        true,
      ),
    );
    expect(questionnaireDefinition.safeParse(edited).success).toBe(true);
    expect(findQuestion(edited, "which_topics_next_year")).toMatchObject({
      type: "multiple_choice",
      options: [
        { value: "risk_management", label: "Risk management" },
        { value: "none", label: "None", exclusive: true },
      ],
    });
  });

  it("switching a role off leaves no false flag behind, and one choice drops the multiple-choice 'stands alone'", () => {
    const off = setOptionRole(actions(), "none_yet", "exclusive", false);
    expect(off.type === "multiple_choice" && off.options.at(-1)).toEqual({
      value: "none_yet",
      label: expect.any(String),
    });
    const single = withType(actions(), "single_choice");
    expect(single.type === "single_choice" && single.options.some((o) => o.exclusive)).toBe(false);
    expect(withType(actions(), "note")).toMatchObject({ type: "note", required: false });
  });

  it("moving a question past the end of its section puts it at the start of the next", () => {
    const moved = moveQuestion(followUpV2, "actionsDescription", 1);
    expect(moved.sections[1].questions.map((q) => q.id)).toEqual(["followUpActions"]);
    expect(moved.sections[2].questions[0].id).toBe("actionsDescription");
  });
});

describe("visibility conditions in the editor", () => {
  it("equals, not and includes joined by or go to clauses and back unchanged", () => {
    const condition = {
      any: [
        { question: "directEffects", equals: "yes" },
        { not: { question: "followUpActions", includes: "none_yet" } },
      ],
    };
    const form = conditionForm(condition)!;
    expect(form).toEqual({
      join: "any",
      clauses: [
        { question: "directEffects", test: "equals", value: "yes" },
        { question: "followUpActions", test: "not_includes", value: "none_yet" },
      ],
    });
    expect(conditionFromForm(form)).toEqual(condition);
    expect(conditionFromForm({ join: "all", clauses: [] })).toBeUndefined();
  });

  it("a condition nested deeper than and/or of clauses is not offered as clauses", () => {
    expect(
      conditionForm({
        not: {
          all: [
            { question: "a", equals: "x" },
            { question: "b", equals: "y" },
          ],
        },
      }),
    ).toBe(undefined);
  });

  it("only earlier questions with options can be chosen to test", () => {
    expect(questionsBefore(followUpV2, "efficiencyImproved").map((q) => q.id)).toEqual([
      "followUpActions",
      "directEffects",
    ]);
  });

  it("a condition on a later or removed question is refused beside the question that has it", () => {
    const later = updateQuestion(followUpV2, "directEffects", (q) => ({
      ...q,
      visibleWhen: { question: "newProjects", equals: "yes" },
    }));
    expect(
      problemsByPlace(later)
        .errors.get("directEffects")
        ?.map((i) => i.code),
    ).toEqual(["condition_on_later_question"]);
    const removed = removeQuestion(followUpV2, "newProjects");
    expect(
      problemsByPlace(removed)
        .errors.get("newProjectsDescription")
        ?.map((i) => i.code),
    ).toEqual(["condition_on_later_question"]);
    expect(problemsByPlace(followUpV2).errors.size).toBe(0);
  });
});

describe("the diff shown before publishing", () => {
  it("a reworded question and an added option read as such, by id", () => {
    const edited = updateQuestion(followUpV2, "followUpActions", (q: Question) =>
      addOption({ ...q, label: "Which follow-up actions have you taken?" }, "Briefed the port authority"),
    );
    expect(texts(edited)).toEqual([
      `followUpActions: question text changed from "${actions().label}" to "Which follow-up actions have you taken?".`,
      'followUpActions: option "Briefed the port authority" (briefed_the_port_authority) added.',
    ]);
  });

  it("removed questions and options, new conditions, required and roles are each one line", () => {
    let edited = removeQuestion(followUpV2, "technicalAssistanceNeeds");
    edited = updateQuestion(edited, "efficiencyComment", (q) => ({
      ...withRequired(q, true),
      visibleWhen: { question: "efficiencyImproved", equals: "yes" },
    }));
    edited = updateQuestion(edited, "followUpActions", (q) =>
      setOptionRole(
        q.type === "multiple_choice" ? { ...q, options: q.options.filter((o) => o.value !== "other") } : q,
        "none_yet",
        "exclusive",
        false,
      ),
    );
    expect(texts(edited)).toEqual([
      "followUpActions: option none_yet changed from stands alone to plain.",
      'followUpActions: option "Other" (other) removed; replies that chose it keep it.',
      "efficiencyComment: required changed from no to yes.",
      'efficiencyComment: shown when changed from always shown to efficiencyImproved = "yes".',
      `Question technicalAssistanceNeeds removed: "${findQuestion(followUpV2, "technicalAssistanceNeeds")!.label}"; its answers stay in older replies.`,
    ]);
  });

  it("a reworded option reads as reworded, not as one removed and another added", () => {
    const edited = updateQuestion(followUpV2, "followUpActions", (q) => relabelOption(q, "other", "Another action"));
    expect(texts(edited)).toEqual(['followUpActions: option other reworded from "Other" to "Another action".']);
  });

  it("the same version twice has no differences, and v1 to v2 lists the added 'none yet' option", () => {
    expect(diffDefinitions(followUpV2, followUpV2)).toEqual([]);
    const v1ToV2 = diffDefinitions(followUpV1, followUpV2).map((c) => c.text);
    expect(v1ToV2).toContainEqual(expect.stringMatching(/^followUpActions: option ".*" \(none_yet\) added\.$/));
  });

  it("says which texts in another language were added, changed or removed, so a translation is never published unseen", () => {
    const before = structuredClone(followUpV2);
    findQuestion(before, "application")!.labels = { fr: "Comment avez-vous appliqué ce que vous avez appris ?" };
    findQuestion(before, "directEffects")!.helps = { fr: "Répondez « Non » s’il n’y en a pas encore." };
    const after = structuredClone(before);
    findQuestion(after, "application")!.labels = { fr: "Comment avez-vous mis en pratique ce que vous avez appris ?" };
    delete findQuestion(after, "directEffects")!.helps;
    const none = (
      findQuestion(after, "followUpActions") as Extract<Question, { type: "multiple_choice" }>
    ).options.find((o) => o.value === "none_yet")!;
    none.labels = { fr: "Je n’ai encore pris aucune mesure de suivi" };
    after.sections[0].titles = { fr: "À propos de vous" };
    after.sections[0].descriptions = { fr: "Prérempli depuis votre invitation." };
    after.titles = { fr: "Questionnaire de suivi" };
    expect(diffDefinitions(before, after).map((c) => c.text)).toEqual([
      'Title in fr added: "Questionnaire de suivi".',
      'Section respondent: title in fr added: "À propos de vous".',
      "Section respondent: description in fr added.",
      'followUpActions: option none_yet in fr added: "Je n’ai encore pris aucune mesure de suivi".',
      'application: question text in fr changed from "Comment avez-vous appliqué ce que vous avez appris ?" to "Comment avez-vous mis en pratique ce que vous avez appris ?".',
      'directEffects: hint in fr removed (was "Répondez « Non » s’il n’y en a pas encore.").',
    ]);
  });
});
