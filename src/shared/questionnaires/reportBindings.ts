// The report bindings shipped with versions 1 and 2 (data files beside each definition). Not imported by the participant app.
import followUpV1Bindings from "./follow-up-v1.report-bindings.json";
import followUpV2Bindings from "./follow-up-v2.report-bindings.json";
import { reportBindings, type ReportBindings } from "../report/bindings";
import { followUpLatest, followUpV1, followUpV2 } from ".";
import type { QuestionnaireDefinition } from "../questionnaire";

export const shippedReportBindings: ReadonlyArray<{ definition: QuestionnaireDefinition; bindings: ReportBindings }> = [
  { definition: followUpV1, bindings: reportBindings.parse(followUpV1Bindings) },
  { definition: followUpV2, bindings: reportBindings.parse(followUpV2Bindings) },
];

/** The shipped bindings of one version, if the build ships that version. */
export function shippedBindingsOf(id: string, version: number): ReportBindings | undefined {
  return shippedReportBindings.find((s) => s.definition.id === id && s.definition.version === version)?.bindings;
}

/** The bindings of the newest shipped version: how a reply that does not say its version is read. */
export const latestShippedBindings: ReportBindings = shippedBindingsOf(followUpLatest.id, followUpLatest.version)!;
