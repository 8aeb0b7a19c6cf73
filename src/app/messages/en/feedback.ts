// English text of the organiser's feedback page on the phone (features/feedback); ../fr/feedback.ts translates it.
export default {
  yourQuestionnaires: "Your questionnaires",
  noFeedbackYet: "No feedback on this phone yet.",
  publishedSaved: "Published {date} · saved on this phone",
};
