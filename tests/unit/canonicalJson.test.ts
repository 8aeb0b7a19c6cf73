// canonicalJson: the one spelling of a value that reply hashes, relay signatures and manifest signatures rest on.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/shared/canonicalJson";

describe("canonical JSON", () => {
  it("spells an object the same whatever the order of its keys, at every depth", () => {
    const a = {
      answers: {
        followUpActions: { choices: ["shared_materials", "other"], specify: "Briefed the port authority" },
        name: "Sela",
      },
      id: "r1",
    };
    const b = {
      id: "r1",
      answers: {
        name: "Sela",
        followUpActions: { specify: "Briefed the port authority", choices: ["shared_materials", "other"] },
      },
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(b)).toBe(
      '{"answers":{"followUpActions":{"choices":["shared_materials","other"],"specify":"Briefed the port authority"},"name":"Sela"},"id":"r1"}',
    );
  });

  it("sorts keys inside objects held in arrays", () => {
    expect(canonicalJson([{ z: 1, a: 2 }])).toBe('[{"a":2,"z":1}]');
  });

  it("keeps the order of array items, which is content", () => {
    expect(canonicalJson({ choices: ["b", "a"] })).not.toBe(canonicalJson({ choices: ["a", "b"] }));
  });

  it("leaves out undefined properties, as JSON.stringify does, and keeps null", () => {
    expect(canonicalJson({ b: undefined, a: null })).toBe('{"a":null}');
  });

  it("escapes keys and strings as JSON does", () => {
    expect(canonicalJson({ 'quote"key': "line\nbreak" })).toBe('{"quote\\"key":"line\\nbreak"}');
  });
});
