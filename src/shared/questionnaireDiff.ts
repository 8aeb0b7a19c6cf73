// What changed between two questionnaire versions, as sentences an organiser reads before publishing.
// Questions and options are matched by id (stable across label changes), so a reworded label reads as a rewording,
// not as one question removed and another added. Texts in other languages are compared too: a translation is what
// a French-speaking participant reads, so publishing one unseen would be publishing blind.
import type { ChoiceOption, Question, QuestionnaireDefinition, VisibilityCondition } from "./questionnaire";
import { allQuestions } from "./questionnaire";

export interface DefinitionChange {
  /** Where: "questionnaire", a section id, or a question id. */
  subject: string;
  kind: "added" | "removed" | "changed" | "moved";
  text: string;
}

const quoted = (text: string | undefined) => (text === undefined || text === "" ? "(none)" : `"${text}"`);

export function describeCondition(condition: VisibilityCondition | undefined): string {
  if (condition === undefined) return "always shown";
  if ("all" in condition) return condition.all.map((c) => `(${describeCondition(c)})`).join(" and ");
  if ("any" in condition) return condition.any.map((c) => `(${describeCondition(c)})`).join(" or ");
  if ("not" in condition) return `not (${describeCondition(condition.not)})`;
  if (condition.includes !== undefined) return `${condition.question} includes "${condition.includes}"`;
  return `${condition.question} = "${condition.equals ?? ""}"`;
}

type Translations = Readonly<Record<string, string>> | undefined;

/**
 * One sentence per language whose text of `what` was added, changed or removed ("question text in fr added: …");
 * long texts (introductions, descriptions) are only said to be added, reworded or removed, as in English.
 */
function translationChanges(
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
    const about = `${what} in ${language}`;
    if (from === undefined)
      return [{ subject, kind: "added", text: long ? `${about} added.` : `${about} added: ${quoted(to)}.` }];
    if (to === undefined)
      return [
        { subject, kind: "removed", text: long ? `${about} removed.` : `${about} removed (was ${quoted(from)}).` },
      ];
    return [
      {
        subject,
        kind: "changed",
        text: long ? `${about} reworded.` : `${about} changed from ${quoted(from)} to ${quoted(to)}.`,
      },
    ];
  });
}

function optionTraits(option: ChoiceOption): string {
  return [option.specify ? "asks to specify" : "", option.exclusive ? "stands alone" : ""].filter(Boolean).join(", ");
}

function optionsOf(question: Question): ChoiceOption[] | undefined {
  return question.type === "single_choice" || question.type === "multiple_choice" ? question.options : undefined;
}

function limitOf(question: Question): string {
  if (question.type === "short_text" || question.type === "long_text")
    return question.maxLength === undefined ? "(default)" : String(question.maxLength);
  if (question.type === "integer" || question.type === "decimal")
    return `${question.min ?? "…"} to ${question.max ?? "…"}`;
  return "";
}

function optionChanges(id: string, before: ChoiceOption[], after: ChoiceOption[]): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  const old = new Map(before.map((o) => [o.value, o]));
  const now = new Map(after.map((o) => [o.value, o]));
  for (const o of after) {
    const was = old.get(o.value);
    if (!was) {
      changes.push({ subject: id, kind: "added", text: `${id}: option ${quoted(o.label)} (${o.value}) added.` });
      continue;
    }
    if (was.label !== o.label)
      changes.push({
        subject: id,
        kind: "changed",
        text: `${id}: option ${o.value} reworded from ${quoted(was.label)} to ${quoted(o.label)}.`,
      });
    if (optionTraits(was) !== optionTraits(o))
      changes.push({
        subject: id,
        kind: "changed",
        text: `${id}: option ${o.value} changed from ${optionTraits(was) || "plain"} to ${optionTraits(o) || "plain"}.`,
      });
    changes.push(...translationChanges(id, `${id}: option ${o.value}`, was.labels, o.labels));
  }
  for (const o of before)
    if (!now.has(o.value))
      changes.push({
        subject: id,
        kind: "removed",
        text: `${id}: option ${quoted(o.label)} (${o.value}) removed; replies that chose it keep it.`,
      });
  const kept = (list: ChoiceOption[]) => list.map((o) => o.value).filter((v) => old.has(v) && now.has(v));
  if (kept(before).join() !== kept(after).join())
    changes.push({ subject: id, kind: "moved", text: `${id}: options put in a new order.` });
  return changes;
}

function questionChanges(before: Question, after: Question): DefinitionChange[] {
  const id = after.id;
  const changes: DefinitionChange[] = [];
  const changed = (what: string, from: string, to: string) => {
    if (from !== to)
      changes.push({ subject: id, kind: "changed", text: `${id}: ${what} changed from ${from} to ${to}.` });
  };
  changed("type", before.type, after.type);
  changed("question text", quoted(before.label), quoted(after.label));
  changed("hint", quoted(before.help), quoted(after.help));
  changes.push(
    ...translationChanges(id, `${id}: question text`, before.labels, after.labels),
    ...translationChanges(id, `${id}: hint`, before.helps, after.helps),
  );
  changed("required", before.required ? "yes" : "no", after.required ? "yes" : "no");
  changed("shown when", describeCondition(before.visibleWhen), describeCondition(after.visibleWhen));
  changed("length or range", limitOf(before), limitOf(after));
  if (before.type === "yes_no" && after.type === "yes_no") {
    changed("yes label", quoted(before.yesLabel ?? "Yes"), quoted(after.yesLabel ?? "Yes"));
    changed("no label", quoted(before.noLabel ?? "No"), quoted(after.noLabel ?? "No"));
  }
  const [oldOptions, newOptions] = [optionsOf(before), optionsOf(after)];
  if (oldOptions && newOptions) changes.push(...optionChanges(id, oldOptions, newOptions));
  return changes;
}

/** Every difference from `before` to `after`, in the order of `after` (then what `before` had and `after` lost). */
export function diffDefinitions(before: QuestionnaireDefinition, after: QuestionnaireDefinition): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (before.title !== after.title)
    changes.push({
      subject: "questionnaire",
      kind: "changed",
      text: `Title changed from ${quoted(before.title)} to ${quoted(after.title)}.`,
    });
  changes.push(...translationChanges("questionnaire", "Title", before.titles, after.titles));
  if ((before.intro ?? "") !== (after.intro ?? ""))
    changes.push({ subject: "questionnaire", kind: "changed", text: "Introduction reworded." });
  changes.push(...translationChanges("questionnaire", "Introduction", before.intros, after.intros, true));

  const oldSections = new Map(before.sections.map((s) => [s.id, s]));
  const newSectionIds = new Set(after.sections.map((s) => s.id));
  for (const section of after.sections) {
    const was = oldSections.get(section.id);
    if (!was) changes.push({ subject: section.id, kind: "added", text: `Section ${quoted(section.title)} added.` });
    else if (was.title !== section.title)
      changes.push({
        subject: section.id,
        kind: "changed",
        text: `Section ${section.id} renamed from ${quoted(was.title)} to ${quoted(section.title)}.`,
      });
    else if ((was.description ?? "") !== (section.description ?? ""))
      changes.push({
        subject: section.id,
        kind: "changed",
        text: `Section ${quoted(section.title)}: description reworded.`,
      });
    if (was)
      changes.push(
        ...translationChanges(section.id, `Section ${section.id}: title`, was.titles, section.titles),
        ...translationChanges(
          section.id,
          `Section ${section.id}: description`,
          was.descriptions,
          section.descriptions,
          true,
        ),
      );
  }
  for (const section of before.sections)
    if (!newSectionIds.has(section.id))
      changes.push({ subject: section.id, kind: "removed", text: `Section ${quoted(section.title)} removed.` });

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
        text: `Question ${question.id} added (${question.type}): ${quoted(question.label)}.`,
      });
      continue;
    }
    const [from, to] = [sectionOf(before, question.id), sectionOf(after, question.id)];
    if (from !== to)
      changes.push({
        subject: question.id,
        kind: "moved",
        text: `${question.id}: moved from section ${from} to ${to}.`,
      });
    changes.push(...questionChanges(was, question));
  }
  for (const question of oldQuestions)
    if (!newIds.has(question.id))
      changes.push({
        subject: question.id,
        kind: "removed",
        text: `Question ${question.id} removed: ${quoted(question.label)}; its answers stay in older replies.`,
      });
  const keptOrder = (list: Question[]) => list.map((q) => q.id).filter((id) => oldById.has(id) && newIds.has(id));
  if (keptOrder(oldQuestions).join() !== keptOrder(newQuestions).join())
    changes.push({ subject: "questionnaire", kind: "moved", text: "Questions put in a new order." });
  return changes;
}
