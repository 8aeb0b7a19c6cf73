// The reply fast path: it must take the common shape without zod and answer every input exactly as the schema does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reply as replySchema } from "../../src/shared/reply";
import { commonReply, parseReply } from "../../src/shared/replyParse";

const base = () => ({
  id: "01934f6e-8b2a-7c3d-9e4f-0a1b2c3d4e5f",
  campaignId: "fy2023-rkc",
  invitationCode: "DEMO-TO1",
  questionnaireId: "follow-up",
  questionnaireVersion: 2,
  answers: {
    name: "Sela Taufa",
    administration: "TO",
    followUpActions: { choices: ["shared_materials", "other"], specify: "Briefed the port authority" },
    newProjects: "no",
  } as Record<string, unknown>,
  startedAt: "2024-01-10T08:00:00.000Z",
  submittedAt: "2024-01-10T08:20:00+13:00",
  appVersion: "0.1.0",
});

type Item = Record<string, unknown>;
const withField = (field: string, value: unknown): Item => ({ ...base(), [field]: value });
const withAnswer = (key: string, value: unknown): Item => ({ ...base(), answers: { ...base().answers, [key]: value } });
const without = (field: string): Item => {
  const item: Item = base();
  delete item[field];
  return item;
};

/** Both parsers on one input: the same success, the same data (key order included), the same issues. */
function expectSameAnswer(item: unknown): void {
  const fast = parseReply(item);
  const schema = replySchema.safeParse(item);
  expect(fast.success).toBe(schema.success);
  if (fast.success && schema.success) {
    expect(fast.data).toStrictEqual(schema.data);
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(schema.data));
  } else expect(fast.error?.issues).toStrictEqual(schema.error?.issues);
}

const hand: [string, unknown][] = [
  ["a valid reply", base()],
  ["an upper-case id", withField("id", base().id.toUpperCase())],
  ["no answers at all", withField("answers", {})],
  ["a choice without specify", withAnswer("followUpActions", { choices: ["none_yet"] })],
  ["no choices", withAnswer("followUpActions", { choices: [] })],
  ["50 choices", withAnswer("followUpActions", { choices: Array.from({ length: 50 }, (_, i) => `c${i}`) })],
  ["51 choices", withAnswer("followUpActions", { choices: Array.from({ length: 51 }, (_, i) => `c${i}`) })],
  ["a 64-character choice", withAnswer("followUpActions", { choices: ["c".repeat(64)] })],
  ["a 65-character choice", withAnswer("followUpActions", { choices: ["c".repeat(65)] })],
  ["a choice that is a number", withAnswer("followUpActions", { choices: [1] })],
  ["specify that is a number", withAnswer("followUpActions", { choices: [], specify: 3 })],
  ["an extra key in a choice", withAnswer("followUpActions", { choices: [], other: "x" })],
  ["choices missing", withAnswer("followUpActions", { specify: "x" })],
  ["a NUL in a choice", withAnswer("followUpActions", { choices: ["a\u0000"] })],
  ["a NUL in specify", withAnswer("followUpActions", { choices: [], specify: "a\u0000" })],
  ["a NUL in an answer", withAnswer("name", "Sela\u0000")],
  ["a NUL in a question id", withAnswer("na\u0000me", "Sela")],
  ["a 64-character question id", withAnswer("q".repeat(64), "x")],
  ["a 65-character question id", withAnswer("q".repeat(65), "x")],
  ["a numeric answer", withAnswer("name", 5)],
  ["a null answer", withAnswer("name", null)],
  ["an array answer", withAnswer("name", ["a"])],
  ["answers as an array", withField("answers", [])],
  ["answers as null", withField("answers", null)],
  ["a __proto__ answer", { ...base(), answers: JSON.parse('{"__proto__": "x", "name": "Sela"}') as unknown }],
  ["a __proto__ field", JSON.parse(`{"__proto__": 1, ${JSON.stringify(base()).slice(1)}`) as unknown],
  ["index-like question ids", withField("answers", { "10": "x", "2": "y", b: "z", a: "w" })],
  ["an id that is not v7", withField("id", "01934f6e-8b2a-4c3d-9e4f-0a1b2c3d4e5f")],
  ["an id with a wrong variant", withField("id", "01934f6e-8b2a-7c3d-7e4f-0a1b2c3d4e5f")],
  ["an id that is a number", withField("id", 7)],
  ["an empty campaign id", withField("campaignId", "")],
  ["a 64-character campaign id", withField("campaignId", "c".repeat(64))],
  ["a 65-character campaign id", withField("campaignId", "c".repeat(65))],
  ["a NUL in the campaign id", withField("campaignId", "c\u0000")],
  ["a 65-character questionnaire id", withField("questionnaireId", "q".repeat(65))],
  ["a lower-case invitation code", withField("invitationCode", "demo-to1")],
  ["a short invitation code", withField("invitationCode", "ABC")],
  ["version 0", withField("questionnaireVersion", 0)],
  ["version -1", withField("questionnaireVersion", -1)],
  ["version 1.5", withField("questionnaireVersion", 1.5)],
  ["version 2^53", withField("questionnaireVersion", 2 ** 53)],
  ["version as text", withField("questionnaireVersion", "2")],
  ["version NaN", withField("questionnaireVersion", Number.NaN)],
  ["a date without time", withField("startedAt", "2024-01-10")],
  ["30 February", withField("startedAt", "2024-02-30T08:00:00Z")],
  ["29 February of a leap year", withField("startedAt", "2024-02-29T08:00:00Z")],
  ["29 February of another year", withField("startedAt", "2023-02-29T08:00:00Z")],
  ["a local time", withField("submittedAt", "2024-01-10T08:20:00")],
  ["a time without seconds", withField("submittedAt", "2024-01-10T08:20Z")],
  ["an offset of +24:00", withField("submittedAt", "2024-01-10T08:20:00+24:00")],
  ["hour 24", withField("submittedAt", "2024-01-10T24:20:00Z")],
  ["an empty app version", withField("appVersion", "")],
  ["a 40-character app version", withField("appVersion", "v".repeat(40))],
  ["a 41-character app version", withField("appVersion", "v".repeat(41))],
  ["an extra field", withField("extra", 1)],
  ["a missing id", without("id")],
  ["a missing answers", without("answers")],
  ["a field set to undefined", withField("appVersion", undefined)],
  ["null", null],
  ["an array", [base()]],
  ["a string", "reply"],
  ["an object of another prototype", Object.assign(Object.create({ inherited: true }) as object, base())],
];

describe("the reply fast path", () => {
  it("takes the shapes phones send without zod", () => {
    for (const item of [
      base(),
      withField("id", base().id.toUpperCase()),
      withAnswer("followUpActions", { choices: [] }),
      withField("answers", {}),
    ])
      expect(commonReply(item)).toStrictEqual(replySchema.parse(item));
  });

  it.each(hand)("answers %s as the reply schema does", (_, item) => expectSameAnswer(item));

  it("answers any change to one field, or one answer, as the reply schema does", () => {
    const fields = Object.keys(base());
    const nearLimits = fc.oneof(
      fc.string({ maxLength: 70 }),
      fc.string({ minLength: 38, maxLength: 42 }),
      fc.string({ minLength: 62, maxLength: 66 }),
      fc.constantFrom("\u0000", "a\u0000b", "DEMO-TO1", "2024-01-10T08:00:00Z", base().id),
    );
    const anyValue = fc.oneof(fc.jsonValue(), nearLimits, fc.integer(), fc.double());
    const choiceAnswer = fc.record(
      { choices: fc.array(nearLimits, { maxLength: 52 }), specify: nearLimits },
      { requiredKeys: ["choices"] },
    );
    fc.assert(
      fc.property(fc.constantFrom(...fields), anyValue, (field, value) => expectSameAnswer(withField(field, value))),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(nearLimits, fc.oneof(anyValue, choiceAnswer), (key, value) =>
        expectSameAnswer(withAnswer(key, value)),
      ),
      { numRuns: 400 },
    );
  });
});
