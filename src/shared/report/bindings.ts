// Report bindings: which question and options of one questionnaire version feed each report table. Data, not code.
//
// Tables 1 needs no binding (every reply counts). Table 2 reads `followUpActions`; Tables 3, 5 and 6 read their
// yes/no binding; Table 4 needs `followUpActions` and `directEffects`, Table 7 `followUpActions` and `newProjects`
// (the correlations reuse the action columns and the yes answers). A table a version cannot feed (its binding is
// null, or points at a question or option the version lacks) leaves that version's replies out and says so.
import * as z from "zod/mini";
import { isMultipleChoiceAnswer, type Answers } from "../answers";
import type { FieldIssue } from "../api";
import { findQuestion, identifier, type QuestionnaireDefinition } from "../questionnaire";
import { saidCheck, sayCheckInEnglish, type SayCheck } from "../questionnaireCheckWords";
import { FOLLOW_UP_ACTIONS, type FollowUpAction } from "./types";

const optionValues = z.array(identifier).check(z.maxLength(50));

/** Table 2's columns: per column, the options of one multiple-choice question that count for it. */
export const actionsBinding = z.strictObject({
  question: identifier,
  /** Every column must be named; an empty list says this version offers no option for it (nobody chose it). */
  columns: z.strictObject(
    Object.fromEntries(FOLLOW_UP_ACTIONS.map((a) => [a, optionValues])) as Record<FollowUpAction, typeof optionValues>,
  ),
  /** Options meaning "no action taken yet": the reply answered, with no action. */
  noActionYet: optionValues,
});
export type ActionsBinding = z.infer<typeof actionsBinding>;

/** A yes/no table: the question, and which of its answers mean yes and no (anything else is a skip). */
export const yesNoBinding = z.strictObject({
  question: identifier,
  yes: optionValues.check(z.minLength(1)),
  no: optionValues.check(z.minLength(1)),
});
export type YesNoBinding = z.infer<typeof yesNoBinding>;

/** The yes/no tables by their report key (Tables 3, 5 and 6). */
export const YES_NO_TABLES = ["directEffects", "efficiency", "newProjects"] as const;
export type YesNoTableKey = (typeof YES_NO_TABLES)[number];

/** One version's bindings; null for a table this version does not feed. Stored beside the version row. */
export const reportBindings = z.strictObject({
  followUpActions: z.nullable(actionsBinding),
  directEffects: z.nullable(yesNoBinding),
  efficiency: z.nullable(yesNoBinding),
  newProjects: z.nullable(yesNoBinding),
});
export type ReportBindings = z.infer<typeof reportBindings>;

/** GET/PUT …/versions/:version/report-bindings answer this: the bindings and what they cannot feed. */
export const reportBindingsResult = z.object({
  bindings: reportBindings,
  /** Saves of the bindings, counted from 1: a PUT names the revision its form loaded (?revision=). */
  revision: z.number(),
  /** Tables this version's replies cannot be counted in, with the reason (the same problems publish warns about). */
  problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
export type ReportBindingsResult = z.infer<typeof reportBindingsResult>;

/** A PUT of bindings is read no further than this (a full set is under 2 KB). */
export const MAX_REPORT_BINDINGS_BYTES = 16 * 1024;

/** Bindings that feed nothing: what a new questionnaire starts with. */
export const UNBOUND: ReportBindings = {
  followUpActions: null,
  directEffects: null,
  efficiency: null,
  newProjects: null,
};

/** The report tables by key, with the bindings each one needs. */
export const BOUND_TABLES = {
  followUpActions: { number: 2, needs: ["followUpActions"] },
  directEffects: { number: 3, needs: ["directEffects"] },
  effectsByAction: { number: 4, needs: ["followUpActions", "directEffects"] },
  efficiency: { number: 5, needs: ["efficiency"] },
  newProjects: { number: 6, needs: ["newProjects"] },
  projectsByAction: { number: 7, needs: ["followUpActions", "newProjects"] },
} as const satisfies Record<string, { number: number; needs: ReadonlyArray<keyof ReportBindings> }>;
export type BoundTableKey = keyof typeof BOUND_TABLES;

function missingOptions(
  path: string,
  values: readonly string[],
  known: ReadonlySet<string>,
  say: SayCheck,
): FieldIssue[] {
  return values
    .filter((v) => !known.has(v))
    .map((v) => ({ path, code: "unknown_option", ...saidCheck(say, "bindingNoOption", { option: v }) }));
}

/**
 * What is wrong with the bindings for this definition, one issue per fault: a question that is missing or of the
 * wrong type, an option it lacks, an option bound to two columns. An empty list means every non-null binding reads.
 */
export function bindingIssues(
  definition: QuestionnaireDefinition,
  bindings: ReportBindings,
  say: SayCheck = sayCheckInEnglish,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const actions = bindings.followUpActions;
  if (actions) {
    const question = findQuestion(definition, actions.question);
    if (question?.type !== "multiple_choice") {
      issues.push({
        path: "followUpActions.question",
        code: question ? "wrong_question_type" : "unknown_question",
        ...(question
          ? saidCheck(say, "bindingNeedsMultiple", { question: actions.question })
          : saidCheck(say, "bindingNoQuestion", { question: actions.question })),
      });
    } else {
      const known = new Set(question.options.map((o) => o.value));
      const seen = new Set<string>();
      for (const column of FOLLOW_UP_ACTIONS) {
        issues.push(...missingOptions(`followUpActions.columns.${column}`, actions.columns[column], known, say));
        for (const v of actions.columns[column]) {
          if (seen.has(v))
            issues.push({
              path: `followUpActions.columns.${column}`,
              code: "option_bound_twice",
              ...saidCheck(say, "bindingFeedsTwoColumns", { option: v }),
            });
          seen.add(v);
        }
      }
      issues.push(...missingOptions("followUpActions.noActionYet", actions.noActionYet, known, say));
      for (const v of actions.noActionYet)
        if (seen.has(v))
          issues.push({
            path: "followUpActions.noActionYet",
            code: "option_bound_twice",
            ...saidCheck(say, "bindingActionAndNone", { option: v }),
          });
    }
  }
  for (const key of YES_NO_TABLES) {
    const binding = bindings[key];
    if (!binding) continue;
    const question = findQuestion(definition, binding.question);
    if (question?.type !== "yes_no" && question?.type !== "single_choice") {
      issues.push({
        path: `${key}.question`,
        code: question ? "wrong_question_type" : "unknown_question",
        ...(question
          ? saidCheck(say, "bindingNeedsYesNo", { question: binding.question })
          : saidCheck(say, "bindingNoQuestion", { question: binding.question })),
      });
      continue;
    }
    const known = new Set(question.type === "yes_no" ? ["yes", "no"] : question.options.map((o) => o.value));
    issues.push(
      ...missingOptions(`${key}.yes`, binding.yes, known, say),
      ...missingOptions(`${key}.no`, binding.no, known, say),
    );
    for (const v of binding.yes.filter((y) => binding.no.includes(y)))
      issues.push({
        path: `${key}.no`,
        code: "option_bound_twice",
        ...saidCheck(say, "bindingYesAndNo", { option: v }),
      });
  }
  return issues;
}

/** The bindings with every faulty one set to null: what the report can actually read from this version. */
export function usableBindings(definition: QuestionnaireDefinition, bindings: ReportBindings): ReportBindings {
  const faulty = new Set(bindingIssues(definition, bindings).map((i) => i.path.split(".")[0]));
  return {
    followUpActions: faulty.has("followUpActions") ? null : bindings.followUpActions,
    directEffects: faulty.has("directEffects") ? null : bindings.directEffects,
    efficiency: faulty.has("efficiency") ? null : bindings.efficiency,
    newProjects: faulty.has("newProjects") ? null : bindings.newProjects,
  };
}

/** The report tables these bindings can feed. */
export function fedTables(bindings: ReportBindings): BoundTableKey[] {
  return (Object.keys(BOUND_TABLES) as BoundTableKey[]).filter((table) =>
    BOUND_TABLES[table].needs.every((need) => bindings[need] !== null),
  );
}

/**
 * Publish's second look: every table the version it came from fed (or, for a first version, any table) that this
 * version, as bound, no longer feeds. Warnings, not refusals: bindings can still be set after publishing.
 */
export function lostTableWarnings(
  definition: QuestionnaireDefinition,
  bindings: ReportBindings,
  base?: { definition: QuestionnaireDefinition; bindings: ReportBindings },
): FieldIssue[] {
  const fed = new Set(fedTables(usableBindings(definition, bindings)));
  const before = base ? fedTables(usableBindings(base.definition, base.bindings)) : []; // a first version loses nothing
  return [
    ...bindingIssues(definition, bindings).map((i) => ({ ...i, path: `reportBindings.${i.path}` })),
    ...before
      .filter((table) => !fed.has(table))
      .map((table) => ({
        path: `reportBindings.${table}`,
        code: "report_table_unbound",
        message: `Table ${BOUND_TABLES[table].number} would lose its source: version ${base!.definition.version} feeds it, this version is not bound to it, so its replies would be left out.`,
      })),
  ];
}

// ---- Reading one reply through its version's bindings ------------------------------------------

/** The action columns a reply chose (a set: a duplicated choice counts once), and whether it said "none yet". */
export function readActions(
  answers: Answers,
  binding: ActionsBinding,
): { chosen: Set<FollowUpAction>; noActionYet: boolean } {
  const value = answers[binding.question];
  const chosen = new Set<FollowUpAction>();
  if (!isMultipleChoiceAnswer(value)) return { chosen, noActionYet: false };
  for (const column of FOLLOW_UP_ACTIONS)
    if (binding.columns[column].some((option) => value.choices.includes(option))) chosen.add(column);
  return { chosen, noActionYet: binding.noActionYet.some((option) => value.choices.includes(option)) };
}

/** "yes", "no", or null when the reply skipped the question (or holds something the binding does not name). */
export function readYesNo(answers: Answers, binding: YesNoBinding): "yes" | "no" | null {
  const value = answers[binding.question];
  if (typeof value !== "string") return null;
  // Case and surrounding spaces never changed a yes/no answer's meaning in the published tables.
  const normalized = value.trim().toLowerCase();
  const matches = (values: readonly string[]) => values.some((v) => v.toLowerCase() === normalized);
  return matches(binding.yes) ? "yes" : matches(binding.no) ? "no" : null;
}
