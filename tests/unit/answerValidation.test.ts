// Answer validation: required answers (blank text does not count), follow-ups required once shown, 'other' needs its text.
import { describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/shared/answerValidation";
import type { Answers } from "../../src/shared/answers";
import { followUpV1 } from "../../src/shared/questionnaires";
import { COMPLETING_ANSWERS } from "./support/fixtures";

const complete: Answers = { name: "Sione", administration: "TO", email: "sione@customs.gov.to", ...COMPLETING_ANSWERS };
const lists = { lists: { administrations: ["TO", "FJ"] } };
const codesFor = (answers: Answers) =>
  validateAnswers(followUpV1, answers, lists).map((i) => `${i.question}:${i.code}`);

describe("answer validation", () => {
  it("a complete set of answers has no issues", () => {
    expect(codesFor(complete)).toEqual([]);
  });

  it("a missing required answer is reported, and whitespace does not count as an answer", () => {
    const { application: _dropped, ...rest } = complete;
    expect(codesFor(rest)).toEqual(["application:required"]);
    expect(codesFor({ ...complete, name: "   " })).toEqual(["name:required"]);
  });

  it("a required follow-up becomes required once it is shown", () => {
    expect(codesFor({ ...complete, directEffects: "yes" })).toEqual(["directEffectsDescription:required"]);
  });

  it("choosing 'other' without saying what is reported", () => {
    expect(codesFor({ ...complete, followUpActions: { choices: ["other"] } })).toEqual([
      "followUpActions:specify_required",
    ]);
    expect(codesFor({ ...complete, followUpActions: { choices: ["other"], specify: "Briefed the minister" } })).toEqual(
      [],
    );
  });

  it("an implausible e-mail address is reported", () => {
    expect(codesFor({ ...complete, email: "sione at customs" })).toEqual(["email:invalid_email"]);
  });

  it("a text over its limit is reported with the limit in the message", () => {
    const issues = validateAnswers(followUpV1, { ...complete, name: "x".repeat(201) }, lists);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ question: "name", code: "too_long" });
    expect(issues[0].message).toContain("200");
  });

  it("an administration not on the list is refused", () => {
    expect(codesFor({ ...complete, administration: "XX" })).toEqual(["administration:invalid_choice"]);
  });

  it("an answer to a question not in this version is reported", () => {
    expect(codesFor({ ...complete, favouriteColour: "blue" })).toEqual(["favouriteColour:unknown_question"]);
  });

  it("an answer to a hidden question is reported", () => {
    expect(codesFor({ ...complete, directEffects: "no", directEffectsDescription: "Faster" })).toEqual([
      "directEffectsDescription:hidden_question",
    ]);
  });
});
