// How a problem with an answer is worded, in English: the server says it in its replies, and the phone's English
// catalogue takes these very entries (src/app/messages/en/core.ts), so another language translates each key once.
export const ANSWER_ISSUE_WORDS = {
  issueChooseAtLeastOneOr: 'Choose at least one option, or "{option}".',
  issueChooseAtLeastOne: "Choose at least one option.",
  issueChooseOne: "Choose one answer.",
  issueChooseFromList: "Choose one from the list.",
  issueGiveEmail: "Please give an e-mail address.",
  issueAnswer: "Please answer this question.",
  issueWholeNumber: "Please give a whole number.",
  issueNumber: "Please give a number.",
  issueAtLeast: "Please give a number at least {min}.",
  issueAtMost: "Please give a number at most {max}.",
  issueBetween: "Please give a number at least {min} and at most {max}.",
  issueChooseShown: "Please choose from the options shown.",
  issueNotAnOption: "One of the chosen options is not part of this question.",
  issueChosenTwice: "An option was chosen twice.",
  issueExclusive: '"{option}" cannot be combined with other options.',
  issueDescribe: "Please describe {options}.",
  issueDescribedUnchosen: "A description was given for an option that was not chosen.",
  issueSpecifyTooLong: "Please keep this under {limit} characters.",
  issueNotText: "This answer should be text.",
  issueChooseOneShown: "Please choose one of the options shown.",
  issueYesOrNo: "Please answer yes or no.",
  issueDate: "Please give a date as year-month-day (2026-03-01).",
  issueNote: "This is a note to read: it takes no answer.",
  issueEmailTooLong: "This e-mail address is too long.",
  issueNotEmail: "This does not look like an e-mail address (name@example.org).",
  issueTooLong: "Please keep this under {limit} characters (now {count}).",
  issueUnknownQuestion: "This question is not part of this version of the questionnaire.",
  issueHiddenQuestion: "This question does not apply given the other answers, so it should be left empty.",
};

export type AnswerIssueWord = keyof typeof ANSWER_ISSUE_WORDS;
/** Words one issue: `{name}` placeholders filled, numbers written for the language. */
export type SayIssue = (word: AnswerIssueWord, values?: Record<string, string | number>) => string;

export const sayInEnglish: SayIssue = (word, values = {}) =>
  ANSWER_ISSUE_WORDS[word].replace(/\{(\w+)\}/g, (_, name: string) => values[name].toLocaleString("en"));
