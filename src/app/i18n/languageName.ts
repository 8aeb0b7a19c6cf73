// A language's name in the app's language ("French" for "fr", « français » in French), for sentences about languages.
import { formattingLocale } from "./language";

/** An unusual code the browser cannot name names itself. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([formattingLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
