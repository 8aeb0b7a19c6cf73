// The console words every server refusal from its catalogue: each error code the server can answer with has a sentence,
// French shows it (an import's row problems placed in French around their reason), English keeps the server's message.
import { describe, expect, it } from "vitest";
import { API_ERROR_CODES } from "../../src/shared/apiErrorCodes";
import {
  CONSOLE_CLIENT_ERROR_CODES,
  CONSOLE_ERROR_KEYS,
  wordedConsoleError,
} from "../../src/app/features/console/consoleErrors";
import english from "../../src/app/features/console/messages/en/errors";
import french from "../../src/app/features/console/messages/fr/errors";
import { chooseLanguage } from "../../src/app/i18n/language";
import { allowLanguageChoiceInEachTest } from "./support/languageChoice";

describe("the console's wording of server refusals", () => {
  allowLanguageChoiceInEachTest();

  it("has a catalogue sentence for every error code the server answers with, and for the client's own", () => {
    const keys = CONSOLE_ERROR_KEYS as Record<string, string | undefined>;
    const withoutSentence = [...API_ERROR_CODES, ...CONSOLE_CLIENT_ERROR_CODES].filter(
      (code) => keys[code] === undefined || !(keys[code] in english),
    );
    expect(withoutSentence).toEqual([]);
  });

  it("shows the French sentence for a known code, and the server's message for a code it does not know", async () => {
    chooseLanguage("fr");
    const refused = await wordedConsoleError(
      { code: "campaign_has_replies", message: "This campaign has replies, so it cannot be deleted." },
      409,
    );
    expect(refused).toEqual({ code: "campaign_has_replies", message: french.campaignHasReplies });
    expect(await wordedConsoleError({ code: "brand_new_code", message: "Something new." }, 400)).toEqual({
      code: "brand_new_code",
      message: "Something new.",
    });
    expect((await wordedConsoleError({ code: "http_error", message: "The server answered 502." }, 502)).message).toBe(
      "Le serveur a répondu par une erreur (502).",
    );
  });

  it("places an import's row problems in French around the server's reason, and leaves other details alone", async () => {
    chooseLanguage("fr");
    const worded = await wordedConsoleError(
      {
        code: "unsupported_xlsform",
        message: "The form cannot be imported as it is: 1 thing(s) in it cannot be kept. Nothing was saved.",
        details: [
          {
            path: "survey[2].type",
            code: "unsupported_xlsform",
            message: 'Sheet "survey", row 2, column "type": repeats are not supported.',
            place: { sheet: "survey", row: 2, column: "type" },
            reason: "repeats are not supported",
          },
          { path: "name", code: "missing_field", message: "Name is missing." },
        ],
      },
      422,
    );
    expect(worded.message).toBe(french.unsupportedXlsform);
    expect(worded.details?.map((d) => d.message)).toEqual([
      "Feuille « survey », ligne 2, colonne « type » : repeats are not supported",
      "Name is missing.",
    ]);
    const line = await wordedConsoleError(
      {
        code: "csv_has_errors",
        message: "1 row(s) have errors",
        details: [
          {
            path: "line 3.email",
            code: "invalid_row",
            message: "Line 3: not an e-mail address",
            place: { row: 3, column: "email" },
            reason: "not an e-mail address",
          },
        ],
      },
      422,
    );
    expect(line.details?.[0].message).toBe("Ligne 3 : not an e-mail address");
  });

  it("keeps the server's own English message, which names the specifics, in English", async () => {
    const error = { code: "administration_exists", message: "The code FJ is already used by Fiji." };
    expect(await wordedConsoleError(error, 409)).toBe(error);
  });
});
