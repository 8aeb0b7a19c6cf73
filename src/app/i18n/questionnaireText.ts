// A questionnaire's own text in the chosen language: its translations are keyed by language code ("fr", or "fr-FR"
// from an XLSForm column); English, the definition's main text, when it has none for that language.
import { currentLanguage } from "./language";

export function inChosenLanguage(english: string, translations: Readonly<Record<string, string>> | undefined): string {
  if (!translations) return english;
  const language = currentLanguage();
  if (translations[language]) return translations[language];
  for (const [code, text] of Object.entries(translations)) if (code.split("-")[0] === language) return text;
  return english;
}
