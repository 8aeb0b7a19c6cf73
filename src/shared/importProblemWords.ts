// Every problem an import finds in a file's row, as a code with its parameters, and its English words: the server
// builds its (English) reason from these very entries, and the console's English imports catalogue takes them
// (src/app/features/console/messages/en/imports.ts), so a French console words each problem from the code.
// XLSForm (`xlsform…`), the summary sheet of past years (`summary…`), earlier-round replies (`replies…`) and the CSV
// participant import (`participant…`, whole sentences: the console shows them beside a line, not after a place).

const RELEVANT_SUPPORTED = "Supported: ${q} = 'x', ${q} != 'x', selected(${q}, 'x'), not(...), and, or";
const relevant = (detail: string) => `cannot use this condition: ${detail}. ${RELEVANT_SUPPORTED}`;

export const IMPORT_PROBLEM_WORDS = {
  xlsformCalculationColumn: "calculations are not supported: a reply holds only what the respondent answered",
  xlsformChoiceFilterColumn:
    "choice filters (cascading selects) are not supported: every option of a question is always offered",
  xlsformConstraintMessageColumn:
    "custom constraint messages are not supported: the form says what is wrong in its own words",
  xlsformRequiredMessageColumn: "custom required messages are not supported",
  xlsformDefaultColumn: "default answers are not supported",
  xlsformReadOnlyColumn: "read-only questions are not supported",
  xlsformRepeatCountColumn: "repeats are not supported",
  xlsformUnknownColumn: 'the column "{column}" is not supported, and its value would be lost',
  xlsformLanguageWithoutCode: 'name the language with its code, e.g. "{base}::French (fr)"',
  xlsformNeedsTitle: "the form needs a title (form_title)",
  xlsformOtherFormId: 'form_id is "{formId}" but this is questionnaire "{id}": import it there, or change form_id',
  xlsformChoiceWithoutList: "a choice needs the list it belongs to",
  xlsformNoSuchList: 'there is no choices list "{list}" in the choices sheet',
  xlsformUnusableOptionName: '"{name}" is not a usable option name (a letter, then letters, digits, _ or -)',
  xlsformUnusableGroupName: '"{name}" is not a usable group name (a letter, then letters, digits, _ or -)',
  xlsformUnusableQuestionName: '"{name}" is not a usable question name (a letter, then letters, digits, _ or -)',
  xlsformOptionNeedsLabel: "the option needs a label",
  xlsformOptionRole: 'outrigger_role is "specify", "exclusive" or empty, not "{role}"',
  xlsformNestedGroups: "groups inside groups are not supported: sections do not nest",
  xlsformGroupCondition: "a condition on a whole group is not supported: put it on each question",
  xlsformGroupNeedsLabel: "the group needs a label: it is the section's title",
  xlsformEndWithoutBegin: "end group without a begin group",
  xlsformRepeat: "repeats are not supported: a reply holds one answer per question",
  xlsformNameTaken: 'another row is already called "{name}"',
  xlsformGroupNotEnded: 'the group "{id}" has no end group',
  xlsformNoQuestions: "the form has no questions",
  xlsformNotAQuestionnaire: "not a valid questionnaire: {detail}",
  xlsformQuestionNeedsLabel: "the question needs a label",
  xlsformRequiredYesNo: 'required is "yes" or "no", not "{value}" (conditions are not supported there)',
  xlsformPrefillUnknown: "outrigger_prefill is one of {prefills}",
  xlsformConstraintMisplaced: "this constraint does not apply to a {type} question",
  xlsformAppearanceUnsupported: 'the appearance "{appearance}" is not supported (only "multiline" on text)',
  xlsformOutriggerTypeMisplaced: 'outrigger_type "{marker}" does not apply to a {type} question',
  xlsformChoiceTypeWritten: 'write a choice question as "{word} <list>" or "{word} <list> or_other"',
  xlsformOtherTwice: 'or_other adds an option "other", and the list "{list}" already has one',
  xlsformYesNoOptions: 'a yes_no question\'s list has exactly the options "yes" and "no"',
  xlsformYesNoTranslated:
    "a yes_no question cannot keep translated yes/no labels: remove outrigger_type to import it as a single choice",
  xlsformListOnChoicesOnly: '"{type}": only select_one and select_multiple take a list',
  xlsformIntegerBounds: "an integer question's bounds are whole numbers",
  xlsformNoteRequired: "a note takes no answer, so it cannot be required",
  xlsformCalculateRow: "calculate rows are not supported: a reply holds only what the respondent answered",
  xlsformNoType: "the row has no type",
  xlsformUnknownType:
    'the type "{type}" is not supported (supported: text, integer, decimal, date, note, select_one, select_multiple, begin group, end group)',
  xlsformConstraintUnsupported:
    'cannot use this constraint: only "string-length(.) <= N" or ". >= A and . <= B" can be kept, not "{text}"',
  xlsformRelevantUnreadable: relevant('cannot read "{text}"'),
  xlsformRelevantExpectedBefore: relevant('expected "{expected}" before "{found}"'),
  xlsformRelevantExpectedAtEnd: relevant('expected "{expected}" at the end'),
  xlsformRelevantReferenceFound: relevant('expected a ${question} reference but found "{found}"'),
  xlsformRelevantReferenceAtEnd: relevant("expected a ${question} reference at the end"),
  xlsformRelevantOptionNameFound: relevant('expected a quoted option name but found "{found}"'),
  xlsformRelevantOptionNameAtEnd: relevant("expected a quoted option name at the end"),
  xlsformRelevantConditionFound: relevant(
    'expected a ${question} reference, selected(...) or not(...) but found "{found}"',
  ),
  xlsformRelevantConditionAtEnd: relevant("expected a ${question} reference, selected(...) or not(...) at the end"),
  xlsformRelevantValueFound: relevant('expected a quoted value but found "{found}"'),
  xlsformRelevantValueAtEnd: relevant("expected a quoted value at the end"),
  xlsformRelevantOperator: relevant('only = and != compare an answer (found "{found}")'),
  xlsformRelevantOperatorAtEnd: relevant('only = and != compare an answer (found "nothing")'),
  xlsformRelevantUnexpected: relevant('unexpected "{found}"'),

  summaryUnknownColumn: "this column is not one the sheet has",
  summaryMissingColumn: "this column is missing from the header",
  summaryNoWorkshops: "the sheet has no workshops",
  summaryTooManyWorkshops: "a year may hold at most {max} workshops; this is one too many",
  summaryNumberNeeded: "a number is needed here",
  summaryNotWholeNumber: '"{value}" is not a whole number of 0 or more',
  summaryTitleMissing: "the workshop's title is missing",
  summaryTitleTooLong: "the title is longer than 300 characters",
  summaryNotKind: '"{value}" is not a kind: write regional, sub-regional or national',
  summaryNotMonth: '"{value}" is not a month: write it like 2022-11',
  summaryYesNoOverReplies: "Yes ({yes}) and No ({no}) together are more than the {replies} replies",
  summaryActionOverReplies: "{count} respondents is more than the {replies} replies",
  summaryNotAdministrationCode: '"{value}" is not an administration code like FJ',
  summaryRowUnreadable: "this row cannot be read",

  repliesHeaderLacks: "the header lacks {columns}: export the replies again from Outrigger",
  repliesNoHeader: 'no header row above this one: the file should start with "{column}"',
  repliesTooMany: "a file may hold at most {max} replies",
  repliesNotReplyId: '"{value}" is not a reply id (a UUID version 7)',
  repliesIdTwice: "the same reply id is already on row {row}",
  repliesWorkshopTitle: "give the workshop's title (at most 400 characters)",
  repliesUnknownAdministration: '"{code}" is not in the administrations list',
  repliesNotInvitationCode: '"{value}" is not an invitation code',
  repliesNotTime: '"{value}" is not a time such as 2023-01-10T08:20:00.000Z',
  repliesNotYesNo: '"{value}" is not yes or no',
  repliesNotKind: '"{value}" is not a kind: regional, sub-regional or national',
  repliesNotMonth: '"{value}" is not a month such as 2022-11',
  repliesMonthOutsideYear: "{month} is not in FY {fiscalYear}",
  repliesNotWholeNumber: '"{value}" is not a whole number',
  repliesWorkshopDiffers: "this workshop's kind, month or counts differ from row {row}",
  repliesNoVersion: 'this server has no version {version} of "{questionnaire}"',
  repliesColumnMissing: "the column is missing: the header is not version {version}'s",
  repliesNotAnOption: '"{value}" is not one of this question\'s options',
  repliesNotAnAnswer: '"{value}" is not one of this question\'s answers',
  repliesNoReplies: "the file holds no replies",

  participantColumnCount:
    "This line has {count} column(s); the header has {header}. Put values holding commas in double quotes.",
  participantNameMissing: "The name is missing.",
  participantNameTooLong: "The name is too long (at most 200 characters).",
  participantAdministrationMissing: "The administration is missing.",
  participantUnknownAdministration:
    '"{value}" is not in the administrations list (use its name or code, e.g. Fiji or FJ).',
  participantEmailMissing: "The e-mail address is missing.",
  participantNotEmail: '"{email}" is not an e-mail address.',
  participantAlreadyInWorkshop: "{email} is already a participant of this workshop.",
  participantEmailTwice: "{email} appears twice in this file.",
  participantPositionTooLong: "The position is too long (at most 200 characters).",
  /** A warning, not a refusal: the line is imported. */
  participantOutsideWorkshop: "{code} is not among this workshop's administrations.",
};

export type ImportProblemCode = keyof typeof IMPORT_PROBLEM_WORDS;
/** One problem as data: what the console words in its language, and what the server words in English. */
export interface ImportProblem {
  code: ImportProblemCode;
  params?: Record<string, string>;
}

export const importProblem = (code: ImportProblemCode, params?: Record<string, string>): ImportProblem =>
  params ? { code, params } : { code };

/** The problem in English; a `{name}` with no parameter of that name stays as written (`${q}` is XLSForm's own). */
export const sayImportProblem = ({ code, params = {} }: ImportProblem): string =>
  IMPORT_PROBLEM_WORDS[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
