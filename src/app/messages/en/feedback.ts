// English text of the organiser's feedback as the phone shows it (features/feedback, and the console's preview of it);
// ../fr/feedback.ts translates it.
export default {
  yourQuestionnaires: "Your questionnaires",
  noFeedbackYet: "No feedback on this phone yet.",
  publishedSaved: "Published {date} · saved on this phone",
  tableTitle: "Table {number}: {title}",
  allWorkshopsAtAGlance: "All workshops at a glance",
  heading_others_actions: "Others' actions",
  heading_operational_improvement: "Operational improvement",
  heading_strategic_empowerment: "Strategic empowerment",
  heading_direct_effects: "Direct effects",
  heading_work_improvement: "Work improvement",
  heading_new_projects: "New projects",
};
