// Every catalogue in every language has each key English has, no other, with the same {placeholders}: a translation
// that lacks a message, or renames a placeholder, fails here (and the compiler refuses it, via Translation<English>).
// Numbers put into placeholders read as the language's own formatting writes them.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "../../src/app/i18n/catalogue";
import { LANGUAGES } from "../../src/app/i18n/languages";

const appDir = join(import.meta.dirname, "../../src/app");

/** Every English catalogue file: src/app/messages/en/*.ts, and any feature's own messages/en/ (the console's). */
function englishCatalogues(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) return [];
    if (name === "en" && dir.endsWith("messages"))
      return readdirSync(path)
        .filter((file) => file.endsWith(".ts"))
        .map((file) => join(path, file));
    return englishCatalogues(path);
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What is wrong with a translation of an English catalogue, in words a translator can act on. */
export function catalogueProblems(english: Record<string, string>, translation: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    if (typeof translation[key] !== "string") problems.push(`lacks "${key}"`);
    else if (placeholders(translation[key]).join() !== placeholders(text).join())
      problems.push(
        `"${key}" has {${placeholders(translation[key]).join("}, {")}} where English has {${placeholders(text).join("}, {")}}`,
      );
  }
  for (const key of Object.keys(translation))
    if (!(key in english)) problems.push(`has "${key}", which English does not`);
  return problems;
}

describe("catalogue completeness", () => {
  it("finds a missing key, a renamed placeholder and a key English does not have", () => {
    expect(
      catalogueProblems(
        { a: "Hello {name}", b: "Bye", c: "{count} replies" },
        { a: "Bonjour {nom}", c: "{count} réponses", d: "Extra" },
      ),
    ).toEqual(['"a" has {nom} where English has {name}', 'lacks "b"', 'has "d", which English does not']);
  });

  const catalogues = englishCatalogues(appDir);
  it("finds the English catalogues", () => expect(catalogues.length).toBeGreaterThan(0));

  for (const englishFile of catalogues)
    for (const language of Object.keys(LANGUAGES).filter((code) => code !== "en"))
      it(`${relative(appDir, englishFile)} is complete in ${language}`, async () => {
        const english = ((await import(englishFile)) as { default: Record<string, string> }).default;
        const translated = (await import(englishFile.replace("/messages/en/", `/messages/${language}/`)).catch(
          () => undefined,
        )) as { default: Record<string, string> } | undefined;
        expect(translated, `no ${language} catalogue beside ${englishFile}`).toBeDefined();
        expect(catalogueProblems(english, translated?.default ?? {})).toEqual([]);
      });
});

describe("numbers in placeholders", () => {
  const tags = Object.keys(LANGUAGES).flatMap((language) => [language, `${language}-CA`, `${language}-u-nu-arab`]);
  it.each(tags)("read in %s as Intl writes them, small whole numbers included", (tag) => {
    for (const value of [0, 7, 60, 99, 999, 1000, 4321, 12345, 2.5, -3])
      expect(fillPlaceholders("{n} %", { n: value }, tag)).toBe(`${value.toLocaleString(tag)} %`);
  });
});
