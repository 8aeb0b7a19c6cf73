// The questionnaires this build ships, checked against the schema when loaded. Published versions never change.
import followUpV1Json from "./follow-up-v1.json";
import followUpV2Json from "./follow-up-v2.json";
import { questionnaireDefinition, type QuestionnaireDefinition } from "../questionnaire";

/** Version 1 (rounds up to 2025): no way to answer "no action yet". Kept for its campaigns and drafts. */
export const followUpV1: QuestionnaireDefinition = questionnaireDefinition.parse(followUpV1Json);
/** Version 2: adds the exclusive "not taken any follow-up action yet", the workshop format preference and assistance needs. */
export const followUpV2: QuestionnaireDefinition = questionnaireDefinition.parse(followUpV2Json);
/** The newest version of the follow-up questionnaire: what new campaigns use unless the organiser picks another. */
export const followUpLatest: QuestionnaireDefinition = followUpV2;
export const bundledQuestionnaires: QuestionnaireDefinition[] = [followUpV1, followUpV2];
