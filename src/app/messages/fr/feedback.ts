// French text of the feedback page (../en/feedback.ts).
import type { Translation } from "../../i18n/catalogue";
import type english from "../en/feedback";

const french: Translation<typeof english> = {
  yourQuestionnaires: "Vos questionnaires",
  noFeedbackYet: "Pas encore de retour sur ce téléphone.",
  publishedSaved: "Publié le {date} · enregistré sur ce téléphone",
  tableTitle: "Tableau {number} : {title}",
  allWorkshopsAtAGlance: "Tous les ateliers en un coup d’œil",
  heading_others_actions: "Actions d’autres administrations",
  heading_operational_improvement: "Amélioration opérationnelle",
  heading_strategic_empowerment: "Renforcement stratégique",
  heading_direct_effects: "Effets directs",
  heading_work_improvement: "Amélioration du travail",
  heading_new_projects: "Nouveaux projets",
};
export default french;
