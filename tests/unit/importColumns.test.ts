// Registration-export headers map to our participant columns, and administrations are recognised by code, name or common spelling.
import { describe, expect, it } from "vitest";
import { mapImportColumns, resolveAdministration } from "../../src/shared/importColumns";

const ADMINISTRATIONS = [
  { code: "FJ", name: "Fiji" },
  { code: "TO", name: "Tonga" },
  { code: "TL", name: "Timor-Leste" },
  { code: "PG", name: "Papua New Guinea" },
  { code: "HK", name: "Hong Kong, China" },
];

describe("mapImportColumns", () => {
  it("maps a registration export's headers in any case and order, and names the columns it ignores", () => {
    expect(mapImportColumns(["Position", "E-mail", "Registered on", "NAME", "Country"])).toEqual({
      indexOf: { position: 0, email: 1, name: 3, administration: 4 },
      ignored: ["Registered on"],
      missing: [],
    });
  });

  it("accepts our own header and the usual alternatives (Email, Administration, Title)", () => {
    expect(mapImportColumns(["name", "administration", "email", "position"]).indexOf).toEqual({
      name: 0,
      administration: 1,
      email: 2,
      position: 3,
    });
    expect(mapImportColumns(["Name", "Email", "Administration", "Title"]).indexOf).toEqual({
      name: 0,
      email: 1,
      administration: 2,
      position: 3,
    });
  });

  it("reports required columns that are missing, while position may be left out", () => {
    expect(mapImportColumns(["Name", "E-mail"]).missing).toEqual(["administration"]);
    expect(mapImportColumns(["Name", "E-mail", "Country"]).missing).toEqual([]);
  });

  it("keeps the first of two columns that mean the same and ignores the second", () => {
    const mapping = mapImportColumns(["Name", "Country", "Administration", "Email"]);
    expect(mapping.indexOf.administration).toBe(1);
    expect(mapping.ignored).toEqual(["Administration"]);
  });
});

describe("resolveAdministration", () => {
  it.each([
    ["FJ", "FJ"],
    ["fj", "FJ"],
    ["Fiji", "FJ"],
    [" FIJI ", "FJ"],
    ["Kingdom of Tonga", "TO"],
    ["Timor Leste", "TL"],
    ["timor-leste", "TL"],
    ["East Timor", "TL"],
    ["PNG", "PG"],
    ["Papua New Guinea", "PG"],
    ["Hong Kong", "HK"],
    ["Hong Kong China", "HK"],
  ])("reads %j as %s", (cell, code) => {
    expect(resolveAdministration(cell, ADMINISTRATIONS)).toBe(code);
  });

  it("recognises nothing it cannot place, and no alias for an administration not in the list", () => {
    expect(resolveAdministration("Atlantis", ADMINISTRATIONS)).toBeUndefined();
    expect(resolveAdministration("ZZ", ADMINISTRATIONS)).toBeUndefined();
    expect(resolveAdministration("", ADMINISTRATIONS)).toBeUndefined();
    expect(resolveAdministration("Vietnam", ADMINISTRATIONS)).toBeUndefined();
    expect(resolveAdministration("Vietnam", [...ADMINISTRATIONS, { code: "VN", name: "Viet Nam" }])).toBe("VN");
  });
});
