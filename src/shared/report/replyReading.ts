// How the report reads one reply: which bindings apply to it (its version's), and its administration.
import { latestShippedBindings } from "../questionnaires/reportBindings";
import type { QuestionnaireDefinition } from "../questionnaire";
import { BOUND_TABLES, UNBOUND, usableBindings, type BoundTableKey, type ReportBindings } from "./bindings";
import type { ReportReply } from "./types";

/** The bindings to read a reply through (its version's, already checked against that version's definition). */
export type BindingsOf = (reply: ReportReply) => ReportBindings;

/** Without a lookup, every reply is read through the newest shipped version's bindings (versions 1 and 2 read alike). */
export const shippedBindingsReader: BindingsOf = () => latestShippedBindings;

/** True when the reply's version feeds the table (every binding the table needs is set). */
export function feedsTable(bindings: ReportBindings, table: BoundTableKey): boolean {
  return BOUND_TABLES[table].needs.every((need) => bindings[need] !== null);
}

export function normalizeAdministrationCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * A reader from the stored versions: each reply through its own version's bindings, with any binding its version's
 * definition cannot satisfy set aside (usableBindings). A version not in the list feeds nothing, so it is left out
 * and listed; a reply that does not say its version is read through the newest shipped bindings.
 */
export function bindingsByVersion(
  versions: ReadonlyArray<{ definition: QuestionnaireDefinition; bindings: ReportBindings }>,
): BindingsOf {
  const usable = new Map(
    versions.map((v) => [`${v.definition.id}@${v.definition.version}`, usableBindings(v.definition, v.bindings)]),
  );
  return (reply) =>
    reply.questionnaireVersion === undefined
      ? latestShippedBindings
      : (usable.get(`${reply.questionnaireId ?? ""}@${reply.questionnaireVersion}`) ?? UNBOUND);
}
