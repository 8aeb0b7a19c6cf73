// Which language the app speaks, and what it falls back to: the phone's own when the app has it, a saved choice over
// that, English text until a translation has arrived, a questionnaire's English where it has no translation, and a
// part of the page (the editor's preview) speaking a language of its own.
import { createComponent, createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { preferredLanguage } from "../../src/app/i18n/languages";
import { SpeakingIn, chooseLanguage, currentLanguage, startingLanguage } from "../../src/app/i18n/language";
import { defineCatalogue } from "../../src/app/i18n/catalogue";
import { inChosenLanguage } from "../../src/app/i18n/questionnaireText";
import { formatBytes } from "../../src/app/store/byteSizes";

describe("the language the app starts in", () => {
  it("is the first of the phone's languages the app has, regional variants included", () => {
    expect(preferredLanguage(["fr-FR", "en-US"])).toBe("fr");
    expect(preferredLanguage(["to-TO", "fr-VU", "en"])).toBe("fr");
    expect(preferredLanguage(["en-AU", "fr"])).toBe("en");
  });

  it("is English when the phone has none of the app's languages", () => {
    expect(preferredLanguage(["to-TO", "bi"])).toBe("en");
    expect(preferredLanguage([])).toBe("en");
  });

  it("is the participant's own choice when they made one, whatever the phone's language", () => {
    expect(startingLanguage("en", ["fr-FR"])).toBe("en");
    expect(startingLanguage("fr", ["en-US"])).toBe("fr");
    expect(startingLanguage("xx", ["fr-FR"])).toBe("fr");
    expect(startingLanguage(undefined, ["fr-FR"])).toBe("fr");
  });
});

describe("once chosen", () => {
  const storage: Record<string, string> = {};
  const page = { documentElement: { lang: "", dir: "" } };
  beforeEach(() => {
    Object.assign(globalThis, { localStorage: storage, document: page });
  });
  afterEach(() => {
    chooseLanguage("en");
    Reflect.deleteProperty(globalThis, "localStorage");
    Reflect.deleteProperty(globalThis, "document");
  });

  it("is remembered on the phone and set on the page's lang and dir", () => {
    chooseLanguage("fr");
    expect(currentLanguage()).toBe("fr");
    expect(storage["outrigger.language"]).toBe("fr");
    expect(page.documentElement).toEqual({ lang: "fr", dir: "ltr" });
  });

  it("shows English text until the translation has loaded, then the translation, placeholders filled", async () => {
    const t = defineCatalogue(
      { hello: "Hello {name}", size: "{count} replies" },
      { fr: () => Promise.resolve({ default: { hello: "Bonjour {name}", size: "{count} réponses" } }) },
    );
    chooseLanguage("fr");
    expect(t("hello", { name: "Mele" })).toBe("Hello Mele");
    await t.load();
    expect(t("hello", { name: "Mele" })).toBe("Bonjour Mele");
    expect(t("size", { count: 1200 })).toBe(`${(1200).toLocaleString("fr")} réponses`);
  });

  it("stays in English when the translation cannot be fetched (offline before it was stored)", async () => {
    const t = defineCatalogue({ hello: "Hello" }, { fr: () => Promise.reject(new Error("offline")) });
    chooseLanguage("fr");
    await t.load();
    expect(t("hello")).toBe("Hello");
  });

  it("shows a questionnaire's text in the chosen language, its English where there is no translation", () => {
    chooseLanguage("fr");
    expect(inChosenLanguage("Yes", { fr: "Oui" })).toBe("Oui");
    expect(inChosenLanguage("Yes", { "fr-FR": "Oui" })).toBe("Oui");
    expect(inChosenLanguage("Yes", { es: "Sí" })).toBe("Yes");
    expect(inChosenLanguage("Yes", undefined)).toBe("Yes");
  });

  it("speaks another language inside SpeakingIn (the editor's preview) and the app's outside it", () => {
    chooseLanguage("en");
    const inside = createRoot((dispose) => {
      let seen: string[] = [];
      createComponent(SpeakingIn, {
        value: () => "fr",
        get children() {
          seen = [currentLanguage(), inChosenLanguage("Yes", { fr: "Oui" })];
          return null;
        },
      });
      dispose();
      return seen;
    });
    expect(inside).toEqual(["fr", "Oui"]);
    expect([currentLanguage(), inChosenLanguage("Yes", { fr: "Oui" })]).toEqual(["en", "Yes"]);
  });

  it("writes sizes with the language's decimal mark and units", async () => {
    chooseLanguage("fr");
    const { t } = await import("../../src/app/i18n/coreMessages");
    await t.load();
    expect(formatBytes(3.24 * 1024 * 1024)).toBe("3,2 Mo");
    chooseLanguage("en");
    expect(formatBytes(3.24 * 1024 * 1024)).toBe("3.2 MB");
  });
});
