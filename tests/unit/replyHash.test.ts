// A reply's content hash: the one-call spelling must give exactly the canonical JSON, or stored replies would conflict.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/shared/canonicalJson";
import type { Reply } from "../../src/shared/reply";
import { replyCanonicalJson, replyContentHash } from "../../src/server/http/replyHash";

const reply = (answers: Reply["answers"]): Reply =>
  ({
    id: "01934f6e-8b2a-7c3d-9e4f-0a1b2c3d4e5f",
    campaignId: "fy2023-rkc",
    invitationCode: "DEMO-TO1",
    questionnaireId: "follow-up",
    questionnaireVersion: 2,
    answers,
    startedAt: "2024-01-10T08:00:00.000Z",
    submittedAt: "2024-01-10T08:20:00+13:00",
    appVersion: "0.1.0",
  }) as Reply;

const previousHash = (r: Reply) => createHash("sha256").update(canonicalJson(r)).digest("hex");

describe("a reply's content hash", () => {
  it("spells a reply as canonical JSON does, whatever the order of its answers", () => {
    const r = reply({
      newProjects: "no",
      followUpActions: { choices: ["other", "shared_materials"], specify: "Briefed the port authority" },
      administration: "TO",
      Zeta: "capital letters sort first",
      été: "accents sort after ASCII",
    });
    expect(replyCanonicalJson(r)).toBe(canonicalJson(r));
    expect(replyContentHash(r)).toBe(previousHash(r));
  });

  it("orders question ids that look like numbers as text, as canonical JSON does", () => {
    const r = reply({ "10": "ten", "2": "two", b: "b", a: { choices: [] } });
    expect(replyCanonicalJson(r)).toBe(canonicalJson(r));
    expect(replyCanonicalJson(r).indexOf('"10"')).toBeLessThan(replyCanonicalJson(r).indexOf('"2"'));
  });

  it("gives the hash canonical JSON gave for any answers", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("", "\ud800", "a\u2028b"));
    const answer = fc.oneof(
      text,
      fc.record({ choices: fc.array(text, { maxLength: 4 }), specify: text }, { requiredKeys: ["choices"] }),
    );
    const key = fc.oneof(fc.string({ maxLength: 8 }), fc.nat().map(String), fc.constantFrom("a", "B", "é", "_"));
    fc.assert(
      fc.property(fc.dictionary(key, answer, { maxKeys: 12 }), (answers) => {
        const r = reply(answers as Reply["answers"]);
        expect(replyCanonicalJson(r)).toBe(canonicalJson(r));
        expect(replyContentHash(r)).toBe(previousHash(r));
      }),
      { numRuns: 500 },
    );
  });
});
