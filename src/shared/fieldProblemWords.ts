// A refused form's field problems (invalid_request details, from the schemas' issues) as a code with parameters, and
// their English words: the server says these, and the console's English errors catalogue takes these very entries
// (src/app/features/console/messages/en/errors.ts), so a French console words each one, the field by its own label.
// `{field}` is the field as the server names it in English ("name" quoted, or "The value" for the whole body).
export const FIELD_PROBLEM_WORDS = {
  fieldUnexpected: "{field} is not an expected field.",
  fieldMissing: "{field} is missing.",
  fieldShouldBeText: "{field} should be text.",
  fieldShouldBeNumber: "{field} should be a number.",
  fieldShouldBeWholeNumber: "{field} should be a whole number.",
  fieldShouldBeTrueOrFalse: "{field} should be true or false.",
  fieldShouldBeObject: "{field} should be an object.",
  fieldShouldBeList: "{field} should be a list.",
  fieldShouldBeOther: "{field} should be a {expected}.",
  fieldTooShort: "{field} is too short.",
  fieldTooSmall: "{field} is too small.",
  fieldTooLong: "{field} is too long (at most {maximum}).",
  fieldTooLarge: "{field} is too large (at most {maximum}).",
  fieldNotDateTime: "{field} is not a valid date and time (ISO 8601, e.g. 2024-03-01T09:30:00Z).",
  fieldNotValidValue: "{field} is not a valid value.",
  fieldNotValidFormat: "{field} is not a valid {format}.",
  fieldNotValid: "{field} is not valid.",
};

export type FieldProblemCode = keyof typeof FIELD_PROBLEM_WORDS;
export interface FieldProblem {
  code: FieldProblemCode;
  params: Record<string, string>;
}

/** The problem in English. */
export const sayFieldProblem = ({ code, params }: FieldProblem): string =>
  FIELD_PROBLEM_WORDS[code].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
