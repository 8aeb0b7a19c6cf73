// French text of the feedback page (../en/feedback.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/feedback";

const french: Translation<typeof english> = {
  yourQuestionnaires: "Vos questionnaires",
  noFeedbackYet: "Pas encore de retour sur ce téléphone.",
  publishedSaved: "Publié le {date} · enregistré sur ce téléphone",
};
export default french;
