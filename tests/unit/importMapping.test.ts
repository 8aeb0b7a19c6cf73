// The organiser's column choices: the same headers in any spelling share a key, choices and mappings round-trip,
// and a column chosen twice or a missing one is named.
import { describe, expect, it } from "vitest";
import { mapImportColumns } from "../../src/shared/importColumns";
import { choicesOf, headerKey, mappingOf } from "../../src/shared/importMapping";

describe("remembering a column mapping", () => {
  it("the same header line in another case or spacing has the same key, another line another key", () => {
    expect(headerKey(["Full Name", "E-Mail", "Delegation"])).toBe(headerKey(["full name", "e-mail ", "DELEGATION"]));
    expect(headerKey(["Full Name", "E-Mail", "Delegation"])).not.toBe(headerKey(["Full Name", "E-Mail"]));
  });

  it("a recognised header gives the choices that read it the same way", () => {
    const headers = ["Name", "E-mail", "Country", "Badge"];
    const choices = choicesOf(headers, mapImportColumns(headers));
    expect(choices).toEqual(["name", "email", "administration", "ignore"]);
    expect(mappingOf(headers, choices)).toMatchObject({
      indexOf: { name: 0, email: 1, administration: 2 },
      ignored: ["Badge"],
      missing: [],
      twice: [],
    });
  });

  it("choices name the columns a registration system calls otherwise, and say what is missing or chosen twice", () => {
    const headers = ["Delegate", "Contact", "Delegation", "Rank"];
    expect(mappingOf(headers, ["name", "email", "administration", "position"])).toMatchObject({
      indexOf: { name: 0, email: 1, administration: 2, position: 3 },
      missing: [],
    });
    expect(mappingOf(headers, ["name", "name", "ignore", "ignore"])).toMatchObject({
      missing: ["administration", "email"],
      twice: ["name"],
    });
  });
});
