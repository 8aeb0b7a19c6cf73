// The dashboard chart's words: what a day, several days or no replies at all come to.
import { describe, expect, it } from "vitest";
import { repliesOverTimeSummary } from "../../src/app/features/console/repliesOverTime";

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
});
