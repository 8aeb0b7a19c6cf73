// The shipped definitions for the phone, parsed on first use: it needs them only for a draft whose version it has no
// stored copy of, and parsing both while the store's code loads would cost each start ~120 ms at 4× CPU throttle.
import followUpV1Json from "./follow-up-v1.json";
import followUpV2Json from "./follow-up-v2.json";
import { questionnaireDefinition, type QuestionnaireDefinition } from "../questionnaire";

let parsed: QuestionnaireDefinition[] | undefined;

export function findShippedQuestionnaire(id: string, version: number): QuestionnaireDefinition | undefined {
  parsed ??= [followUpV1Json, followUpV2Json].map((json) => questionnaireDefinition.parse(json));
  return parsed.find((q) => q.id === id && q.version === version);
}
