// How the editor's checks word a problem, in English: the server says these in its refusals and warnings, and the
// console's English editor catalogue takes these very entries (src/app/features/console/messages/en/editor.ts), so the
// checks the editor runs as the organiser types read in the console's language. Covers publish checks and bindings.
export const CHECK_WORDS = {
  checkConditionOnItself: '"{id}" cannot be shown depending on its own answer.',
  checkConditionOnLater: '"{id}" depends on "{controller}", which is not a question before it.',
  checkEqualsOrIncludes: 'The condition on "{controller}" needs exactly one of "equals" or "includes".',
  checkIncludesNeedsMultiple: '"includes" only applies to a multiple-choice question; "{controller}" is {type}.',
  checkUseIncludes: '"{controller}" allows several answers: use "includes", not "equals".',
  checkNoSuchOption: '"{controller}" has no option "{option}".',
  checkTwoSections: 'Two sections are called "{id}".',
  checkTwoQuestions: 'Two questions are called "{id}".',
  checkTwoOptions: '"{id}" has two options "{option}".',
  checkNotShownOnPhone: '"{id}" is a {type} question, which the phone\'s form does not display yet.',
  checkOptionLost:
    '"{id}" no longer has option "{option}" (version {version} had it): reports comparing versions will not match it up.',
  bindingNoOption: 'The question has no option "{option}".',
  bindingNeedsMultiple: 'Table 2 needs a multiple-choice question; "{question}" is not one.',
  bindingNoQuestion: 'There is no question "{question}" in this version.',
  bindingFeedsTwoColumns: 'Option "{option}" feeds two columns; each option may feed one.',
  bindingActionAndNone: 'Option "{option}" cannot mean both an action and "no action yet".',
  bindingNeedsYesNo: 'A yes/no table needs a yes/no or single-choice question; "{question}" is neither.',
  bindingYesAndNo: '"{option}" cannot mean both yes and no.',
};

export type CheckWord = keyof typeof CHECK_WORDS;
/** Words one problem: `{name}` placeholders filled with the given texts. */
export type SayCheck = (word: CheckWord, values?: Record<string, string>) => string;

export const sayCheckInEnglish: SayCheck = (word, values = {}) =>
  CHECK_WORDS[word].replace(/\{(\w+)\}/g, (_, name: string) => values[name]);

/** One problem's message in the given words, with the problem as data so a client words it in its own language. */
export function saidCheck(
  say: SayCheck,
  word: CheckWord,
  values: Record<string, string> = {},
): { message: string; problem: { code: CheckWord; params: Record<string, string> } } {
  return { message: say(word, values), problem: { code: word, params: values } };
}
