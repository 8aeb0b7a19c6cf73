// What changed between two questionnaire versions, as sentences an organiser reads before publishing.
// Questions and options are matched by id (stable across label changes), so a reworded label reads as a rewording,
// not as one question removed and another added. Texts in other languages are compared too: a translation is what
// a French-speaking participant reads, so publishing one unseen would be publishing blind. The sentences are worded
// by `say` (English by default; the console passes its catalogue's translator, questionnaireDiffWords.ts).
import type { ChoiceOption, Question, QuestionnaireDefinition, VisibilityCondition } from "./questionnaire";
import { allQuestions } from "./questionnaire";
import { sayChangeInEnglish, type SayChange } from "./questionnaireDiffWords";

export interface DefinitionChange {
  /** Where: "questionnaire", a section id, or a question id. */
  subject: string;
  kind: "added" | "removed" | "changed" | "moved";
  text: string;
}

const quoted = (say: SayChange, text: string | undefined) =>
  text === undefined || text === "" ? say("diffNone") : say("diffQuoted", { text });

export function describeCondition(
  condition: VisibilityCondition | undefined,
  say: SayChange = sayChangeInEnglish,
): string {
  if (condition === undefined) return say("diffAlwaysShown");
  if ("all" in condition) return condition.all.map((c) => `(${describeCondition(c, say)})`).join(say("diffAnd"));
  if ("any" in condition) return condition.any.map((c) => `(${describeCondition(c, say)})`).join(say("diffOr"));
  if ("not" in condition) return say("diffNot", { condition: describeCondition(condition.not, say) });
  if (condition.includes !== undefined)
    return say("diffIncludes", { question: condition.question, value: condition.includes });
  return say("diffEquals", { question: condition.question, value: condition.equals ?? "" });
}

type Translations = Readonly<Record<string, string>> | undefined;

/**
 * One sentence per language whose text of `what` was added, changed or removed ("question text in fr added: …");
 * long texts (introductions, descriptions) are only said to be added, reworded or removed, as in English.
 */
function translationChanges(
  say: SayChange,
  subject: string,
  what: string,
  before: Translations,
  after: Translations,
  long = false,
): DefinitionChange[] {
  const languages = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return languages.flatMap((language): DefinitionChange[] => {
    const [from, to] = [before?.[language], after?.[language]];
    if (from === to) return [];
    const about = say("diffInLanguage", { what, language });
    if (from === undefined) {
      const text = long
        ? say("diffTranslationAddedLong", { about })
        : say("diffTranslationAdded", { about, text: quoted(say, to) });
      return [{ subject, kind: "added", text }];
    }
    if (to === undefined) {
      const text = long
        ? say("diffTranslationRemovedLong", { about })
        : say("diffTranslationRemoved", { about, text: quoted(say, from) });
      return [{ subject, kind: "removed", text }];
    }
    const text = long
      ? say("diffTranslationChangedLong", { about })
      : say("diffTranslationChanged", { about, from: quoted(say, from), to: quoted(say, to) });
    return [{ subject, kind: "changed", text }];
  });
}

function optionTraits(say: SayChange, option: ChoiceOption): string {
  return [option.specify ? say("diffAsksToSpecify") : "", option.exclusive ? say("diffStandsAlone") : ""]
    .filter(Boolean)
    .join(say("diffTraitsJoin"));
}

function optionsOf(question: Question): ChoiceOption[] | undefined {
  return question.type === "single_choice" || question.type === "multiple_choice" ? question.options : undefined;
}

function limitOf(say: SayChange, question: Question): string {
  if (question.type === "short_text" || question.type === "long_text")
    return question.maxLength === undefined ? say("diffDefaultLimit") : String(question.maxLength);
  if (question.type === "integer" || question.type === "decimal")
    return say("diffRange", {
      min: question.min === undefined ? say("diffNoBound") : String(question.min),
      max: question.max === undefined ? say("diffNoBound") : String(question.max),
    });
  return "";
}

function optionChanges(say: SayChange, id: string, before: ChoiceOption[], after: ChoiceOption[]): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const old = new Map(before.map((o) => [o.value, o]));
  const now = new Map(after.map((o) => [o.value, o]));
  for (const o of after) {
    const was = old.get(o.value);
    if (!was) {
      const text = say("diffOptionAdded", { id, label: quoted(say, o.label), option: o.value });
      changes.push({ subject: id, kind: "added", text });
      continue;
    }
    if (was.label !== o.label)
      changes.push({
        subject: id,
        kind: "changed",
        text: say("diffOptionReworded", {
          id,
          option: o.value,
          from: quoted(say, was.label),
          to: quoted(say, o.label),
        }),
      });
    const [traitsBefore, traitsAfter] = [optionTraits(say, was), optionTraits(say, o)];
    if (traitsBefore !== traitsAfter)
      changes.push({
        subject: id,
        kind: "changed",
        text: say("diffOptionRoleChanged", {
          id,
          option: o.value,
          from: traitsBefore || say("diffPlain"),
          to: traitsAfter || say("diffPlain"),
        }),
      });
    changes.push(...translationChanges(say, id, say("diffOption", { id, option: o.value }), was.labels, o.labels));
  }
  for (const o of before)
    if (!now.has(o.value))
      changes.push({
        subject: id,
        kind: "removed",
        text: say("diffOptionRemoved", { id, label: quoted(say, o.label), option: o.value }),
      });
  const kept = (list: ChoiceOption[]) => list.map((o) => o.value).filter((v) => old.has(v) && now.has(v));
  if (kept(before).join() !== kept(after).join())
    changes.push({ subject: id, kind: "moved", text: say("diffOptionsReordered", { id }) });
  return changes;
}

function questionChanges(say: SayChange, before: Question, after: Question): DefinitionChange[] {
  const id = after.id;
  const changes: DefinitionChange[] = [];
  const changed = (what: string, from: string, to: string) => {
    if (from !== to) changes.push({ subject: id, kind: "changed", text: say("diffChanged", { id, what, from, to }) });
  };
  const yesOrNo = (on: boolean) => (on ? say("diffYes") : say("diffNo"));
  changed(say("diffWhatType"), before.type, after.type);
  changed(say("diffWhatQuestionText"), quoted(say, before.label), quoted(say, after.label));
  changed(say("diffWhatHint"), quoted(say, before.help), quoted(say, after.help));
  changes.push(
    ...translationChanges(say, id, say("diffQuestionText", { id }), before.labels, after.labels),
    ...translationChanges(say, id, say("diffHint", { id }), before.helps, after.helps),
  );
  changed(say("diffWhatRequired"), yesOrNo(before.required), yesOrNo(after.required));
  changed(
    say("diffWhatShownWhen"),
    describeCondition(before.visibleWhen, say),
    describeCondition(after.visibleWhen, say),
  );
  changed(say("diffWhatLimits"), limitOf(say, before), limitOf(say, after));
  if (before.type === "yes_no" && after.type === "yes_no") {
    // "Yes" and "No" are the questionnaire's own English labels when it sets none, not the console's words.
    changed(say("diffWhatYesLabel"), quoted(say, before.yesLabel ?? "Yes"), quoted(say, after.yesLabel ?? "Yes"));
    changed(say("diffWhatNoLabel"), quoted(say, before.noLabel ?? "No"), quoted(say, after.noLabel ?? "No"));
  }
  const [oldOptions, newOptions] = [optionsOf(before), optionsOf(after)];
  if (oldOptions && newOptions) changes.push(...optionChanges(say, id, oldOptions, newOptions));
  return changes;
}

/** Every difference from `before` to `after`, in the order of `after` (then what `before` had and `after` lost). */
export function diffDefinitions(
  before: QuestionnaireDefinition,
  after: QuestionnaireDefinition,
  say: SayChange = sayChangeInEnglish,
): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (before.title !== after.title)
    changes.push({
      subject: "questionnaire",
      kind: "changed",
      text: say("diffTitleChanged", { from: quoted(say, before.title), to: quoted(say, after.title) }),
    });
  changes.push(...translationChanges(say, "questionnaire", say("diffTitle"), before.titles, after.titles));
  if ((before.intro ?? "") !== (after.intro ?? ""))
    changes.push({ subject: "questionnaire", kind: "changed", text: say("diffIntroReworded") });
  changes.push(...translationChanges(say, "questionnaire", say("diffIntroduction"), before.intros, after.intros, true));

  const oldSections = new Map(before.sections.map((s) => [s.id, s]));
  const newSectionIds = new Set(after.sections.map((s) => s.id));
  for (const section of after.sections) {
    const was = oldSections.get(section.id);
    if (!was)
      changes.push({
        subject: section.id,
        kind: "added",
        text: say("diffSectionAdded", { title: quoted(say, section.title) }),
      });
    else if (was.title !== section.title)
      changes.push({
        subject: section.id,
        kind: "changed",
        text: say("diffSectionRenamed", {
          id: section.id,
          from: quoted(say, was.title),
          to: quoted(say, section.title),
        }),
      });
    else if ((was.description ?? "") !== (section.description ?? ""))
      changes.push({
        subject: section.id,
        kind: "changed",
        text: say("diffSectionDescriptionReworded", { title: quoted(say, section.title) }),
      });
    if (was)
      changes.push(
        ...translationChanges(say, section.id, say("diffSectionTitle", { id: section.id }), was.titles, section.titles),
        ...translationChanges(
          say,
          section.id,
          say("diffSectionDescription", { id: section.id }),
          was.descriptions,
          section.descriptions,
          true,
        ),
      );
  }
  for (const section of before.sections)
    if (!newSectionIds.has(section.id))
      changes.push({
        subject: section.id,
        kind: "removed",
        text: say("diffSectionRemoved", { title: quoted(say, section.title) }),
      });

  const oldQuestions = allQuestions(before);
  const oldById = new Map(oldQuestions.map((q) => [q.id, q]));
  const sectionOf = (definition: QuestionnaireDefinition, id: string) =>
    definition.sections.find((s) => s.questions.some((q) => q.id === id))?.id;
  const newQuestions = allQuestions(after);
  const newIds = new Set(newQuestions.map((q) => q.id));
  for (const question of newQuestions) {
    const was = oldById.get(question.id);
    if (!was) {
      changes.push({
        subject: question.id,
        kind: "added",
        text: say("diffQuestionAdded", { id: question.id, type: question.type, label: quoted(say, question.label) }),
      });
      continue;
    }
    const [from, to] = [sectionOf(before, question.id), sectionOf(after, question.id)];
    if (from !== to)
      changes.push({
        subject: question.id,
        kind: "moved",
        text: say("diffQuestionMoved", { id: question.id, from: String(from), to: String(to) }),
      });
    changes.push(...questionChanges(say, was, question));
  }
  for (const question of oldQuestions)
    if (!newIds.has(question.id))
      changes.push({
        subject: question.id,
        kind: "removed",
        text: say("diffQuestionRemoved", { id: question.id, label: quoted(say, question.label) }),
      });
  const keptOrder = (list: Question[]) => list.map((q) => q.id).filter((id) => oldById.has(id) && newIds.has(id));
  if (keptOrder(oldQuestions).join() !== keptOrder(newQuestions).join())
    changes.push({ subject: "questionnaire", kind: "moved", text: say("diffQuestionsReordered") });
  return changes;
}
