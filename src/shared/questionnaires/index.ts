// The questionnaires this build ships, checked against the schema when loaded.
import followUpV1Json from "./follow-up-v1.json";
import { questionnaireDefinition, type QuestionnaireDefinition } from "../questionnaire";

export const followUpV1: QuestionnaireDefinition = questionnaireDefinition.parse(followUpV1Json);
export const bundledQuestionnaires: QuestionnaireDefinition[] = [followUpV1];
