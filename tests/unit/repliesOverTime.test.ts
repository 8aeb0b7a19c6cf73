// The dashboard chart's words: what a day, several days or no replies at all come to, in English and in French.
import { describe, expect, it } from "vitest";
import { repliesOverTimeSummary } from "../../src/app/features/console/repliesOverTime";
import { repliesText } from "../../src/app/features/console/consoleText";
import { chooseLanguage } from "../../src/app/i18n/language";

describe("the replies-over-time chart's summary", () => {
  it("says there are no replies yet when there are none", () => {
    expect(repliesOverTimeSummary([], "en-GB")).toBe("No replies yet.");
  });

  it("names the one day and its count when every reply came the same day", () => {
    expect(repliesOverTimeSummary([{ date: "2026-02-15", replies: 2, cumulative: 2 }], "en-GB")).toBe(
      "2 replies, all on 15 Feb 2026.",
    );
    expect(repliesOverTimeSummary([{ date: "2026-02-15", replies: 1, cumulative: 1 }], "en-GB")).toBe(
      "1 reply, on 15 Feb 2026.",
    );
  });

  it("gives the span, the total and the busiest day over several days", () => {
    expect(
      repliesOverTimeSummary(
        [
          { date: "2026-02-15", replies: 2, cumulative: 2 },
          { date: "2026-02-16", replies: 0, cumulative: 2 },
          { date: "2026-02-17", replies: 5, cumulative: 7 },
        ],
        "en-GB",
      ),
    ).toBe("7 replies from 15 Feb 2026 to 17 Feb 2026; the most in one day: 5 on 17 Feb 2026.");
  });

  it("says it in French when the console is in French", async () => {
    Object.assign(globalThis, { localStorage: {}, document: { documentElement: { lang: "", dir: "" } } });
    try {
      chooseLanguage("fr");
      await repliesText.load();
      expect(repliesOverTimeSummary([], "fr-FR")).toBe("Aucune réponse pour l’instant.");
      expect(repliesOverTimeSummary([{ date: "2026-02-15", replies: 2, cumulative: 2 }], "fr-FR")).toBe(
        "2 réponses, toutes le 15 févr. 2026.",
      );
      expect(
        repliesOverTimeSummary(
          [
            { date: "2026-02-15", replies: 2, cumulative: 2 },
            { date: "2026-02-17", replies: 5, cumulative: 7 },
          ],
          "fr-FR",
        ),
      ).toBe("7 réponses du 15 févr. 2026 au 17 févr. 2026 ; le plus en un jour : 5 le 17 févr. 2026.");
    } finally {
      chooseLanguage("en");
      Reflect.deleteProperty(globalThis, "localStorage");
      Reflect.deleteProperty(globalThis, "document");
    }
  });
});
