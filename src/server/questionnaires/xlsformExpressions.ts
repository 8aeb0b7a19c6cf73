// The small part of XPath Outrigger understands in XLSForm: `relevant` (=, !=, selected, not, and, or) and
// `constraint` (string lengths, numeric ranges). Anything else is refused with a reason, never guessed at.
import { importProblem, type ImportProblem, type ImportProblemCode } from "../../shared/importProblemWords";
import type { VisibilityCondition } from "../../shared/questionnaire";

type Token = { kind: "ref" | "string" | "number" | "word" | "symbol"; text: string };

function tokenize(expression: string): Token[] | ImportProblem {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:\$\{([^}]+)\}|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_-]*)|(!=|<=|>=|[=<>(),.]))/y;
  let at = 0;
  while (at < expression.length) {
    if (expression.slice(at).trim() === "") break;
    pattern.lastIndex = at;
    const m = pattern.exec(expression);
    if (!m) return importProblem("xlsformRelevantUnreadable", { text: expression.slice(at).trim() });
    at = pattern.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: "ref", text: m[1].trim() });
    else if (m[2] !== undefined || m[3] !== undefined) tokens.push({ kind: "string", text: m[2] ?? m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: "number", text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: "word", text: m[5] });
    else tokens.push({ kind: "symbol", text: m[6] });
  }
  return tokens;
}

class Unreadable extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.code);
  }
}

/** What `take` expected: the problem when another token stands there, and when the expression ended. */
const EXPECTED = {
  reference: ["xlsformRelevantReferenceFound", "xlsformRelevantReferenceAtEnd"],
  optionName: ["xlsformRelevantOptionNameFound", "xlsformRelevantOptionNameAtEnd"],
  condition: ["xlsformRelevantConditionFound", "xlsformRelevantConditionAtEnd"],
  value: ["xlsformRelevantValueFound", "xlsformRelevantValueAtEnd"],
} as const satisfies Record<string, readonly [ImportProblemCode, ImportProblemCode]>;

/** Parses a `relevant` expression into a visibility condition, or says why it cannot. */
export function parseRelevant(expression: string): { condition: VisibilityCondition } | { problem: ImportProblem } {
  const tokens = tokenize(expression);
  if (!Array.isArray(tokens)) return { problem: tokens };
  let i = 0;
  const peek = () => tokens[i];
  const isWord = (text: string) => peek()?.kind === "word" && peek()?.text === text;
  const expect = (text: string) => {
    if (peek()?.text !== text)
      throw new Unreadable(
        peek()
          ? importProblem("xlsformRelevantExpectedBefore", { expected: text, found: peek().text })
          : importProblem("xlsformRelevantExpectedAtEnd", { expected: text }),
      );
    i++;
  };
  const take = (kind: Token["kind"], what: keyof typeof EXPECTED): string => {
    const t = peek();
    const [found, atEnd] = EXPECTED[what];
    if (t?.kind !== kind) throw new Unreadable(t ? importProblem(found, { found: t.text }) : importProblem(atEnd));
    i++;
    return t.text;
  };
  // `a or b or c` / `a and b`: one part alone stays itself, several are combined.
  const chain = (
    word: "or" | "and",
    part: () => VisibilityCondition,
    combine: (parts: VisibilityCondition[]) => VisibilityCondition,
  ): VisibilityCondition => {
    const parts = [part()];
    while (isWord(word)) {
      i++;
      parts.push(part());
    }
    return parts.length === 1 ? parts[0] : combine(parts);
  };
  const orExpr = (): VisibilityCondition => chain("or", andExpr, (any) => ({ any }));
  const andExpr = (): VisibilityCondition => chain("and", primary, (all) => ({ all }));
  const primary = (): VisibilityCondition => {
    if (peek()?.text === "(") {
      i++;
      const inner = orExpr();
      expect(")");
      return inner;
    }
    if (isWord("not")) {
      i++;
      expect("(");
      const inner = orExpr();
      expect(")");
      return { not: inner };
    }
    if (isWord("selected")) {
      i++;
      expect("(");
      const question = take("ref", "reference");
      expect(",");
      const value = take("string", "optionName");
      expect(")");
      return { question, includes: value };
    }
    const question = take("ref", "condition");
    const operator = peek()?.text;
    if (operator !== "=" && operator !== "!=")
      throw new Unreadable(
        operator === undefined
          ? importProblem("xlsformRelevantOperatorAtEnd")
          : importProblem("xlsformRelevantOperator", { found: operator }),
      );
    i++;
    const value = take("string", "value");
    return operator === "=" ? { question, equals: value } : { not: { question, equals: value } };
  };
  try {
    const condition = orExpr();
    if (i < tokens.length) throw new Unreadable(importProblem("xlsformRelevantUnexpected", { found: tokens[i].text }));
    return { condition };
  } catch (error) {
    if (error instanceof Unreadable) return { problem: error.problem };
    throw error;
  }
}

function quoted(value: string): string {
  return value.includes("'") ? `"${value}"` : `'${value}'`;
}

/** Writes a visibility condition as an XLSForm `relevant` expression that parseRelevant reads back the same. */
export function writeRelevant(condition: VisibilityCondition): string {
  const inner = (c: VisibilityCondition) => ("all" in c || "any" in c ? `(${writeRelevant(c)})` : writeRelevant(c));
  if ("all" in condition) return condition.all.map(inner).join(" and ");
  if ("any" in condition) return condition.any.map(inner).join(" or ");
  if ("not" in condition) return `not(${writeRelevant(condition.not)})`;
  if (condition.includes !== undefined) return `selected(\${${condition.question}}, ${quoted(condition.includes)})`;
  return `\${${condition.question}} = ${quoted(condition.equals ?? "")}`;
}

export type Constraint = { maxLength: number } | { min?: number; max?: number };

/** Reads `string-length(.) <= 500` or `. >= 0 and . <= 100` (either bound alone too). */
export function parseConstraint(expression: string): { constraint: Constraint } | { problem: ImportProblem } {
  const text = expression.trim();
  const length = /^string-length\(\s*\.\s*\)\s*<=\s*(\d+)$/.exec(text);
  if (length) return { constraint: { maxLength: Number(length[1]) } };
  const bounds: { min?: number; max?: number } = {};
  for (const part of text.split(/\s+and\s+/)) {
    const m = /^\.\s*(>=|<=)\s*(-?\d+(?:\.\d+)?)$/.exec(part.trim());
    const key = m?.[1] === ">=" ? "min" : "max";
    if (!m || bounds[key] !== undefined) return { problem: importProblem("xlsformConstraintUnsupported", { text }) };
    bounds[key] = Number(m[2]);
  }
  return { constraint: bounds };
}

export function writeConstraint(constraint: Constraint): string {
  if ("maxLength" in constraint) return `string-length(.) <= ${constraint.maxLength}`;
  return [
    constraint.min !== undefined ? `. >= ${constraint.min}` : "",
    constraint.max !== undefined ? `. <= ${constraint.max}` : "",
  ]
    .filter(Boolean)
    .join(" and ");
}
