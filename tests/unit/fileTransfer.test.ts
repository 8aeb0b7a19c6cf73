// What one transfer makes of an HTTP answer before reading its body, and how it averages the speed.
import { describe, expect, it } from "vitest";
import { nextSpeed, planForAnswer } from "../../src/app/sync/fileTransfer";

describe("plan for an answer", () => {
  it("a 206 from the stored offset continues the stored bytes", () => {
    expect(planForAnswer(206, "bytes 1000-1999/2000", 1000)).toBe("append");
  });

  it("a 206 from 0 when bytes are stored replaces them; from elsewhere, or without a readable range, asks again", () => {
    expect(planForAnswer(206, "bytes 0-1999/2000", 1000)).toBe("replace");
    expect(planForAnswer(206, "bytes 500-1999/2000", 1000)).toBe("refetch");
    expect(planForAnswer(206, null, 1000)).toBe("refetch");
  });

  it("a 200 replaces stored bytes, or is simply the file when none are stored", () => {
    expect(planForAnswer(200, null, 1000)).toBe("replace");
    expect(planForAnswer(200, null, 0)).toBe("append");
  });

  it("416 is corrupt, 401 and 403 are refusals, 404 is gone, anything else is tried later", () => {
    expect([416, 401, 403, 404, 500, 302].map((status) => planForAnswer(status, null, 1000))).toEqual([
      "corrupt",
      "not_allowed",
      "not_allowed",
      "gone",
      "retry",
      "retry",
    ]);
  });
});

describe("speed", () => {
  it("the first chunk sets the speed; later ones weigh 30% in a rounded moving average", () => {
    expect(nextSpeed(undefined, 1000, 0.5)).toBe(2000);
    expect(nextSpeed(2000, 1000, 1)).toBe(1700);
  });

  it("a chunk that took no measurable time keeps the speed as it was", () => {
    expect(nextSpeed(1234, 1000, 0)).toBe(1234);
    expect(nextSpeed(undefined, 1000, 0)).toBeUndefined();
  });
});
