// Lets the tests of a describe block choose the app's language: chooseLanguage writes to localStorage and to the
// document's lang and dir, which Node lacks, so each test gets stand-ins and ends back in English without them.
import { afterEach, beforeEach } from "vitest";
import { chooseLanguage } from "../../../src/app/i18n/language";

export function allowLanguageChoiceInEachTest(): void {
  beforeEach(() => {
    Object.assign(globalThis, { localStorage: {}, document: { documentElement: { lang: "", dir: "" } } });
  });
  afterEach(() => {
    chooseLanguage("en");
    Reflect.deleteProperty(globalThis, "localStorage");
    Reflect.deleteProperty(globalThis, "document");
  });
}
