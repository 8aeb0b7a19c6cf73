// Start-up loads the browser's date-formatting data beside the wait for the phone's database, not inside the first task.
import { afterEach, describe, expect, it, vi } from "vitest";
import { warmDateFormatting } from "../../src/app/ui/formatTime";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("warming date formatting at start-up", () => {
  it("makes no format inside the start-up task itself, and one in the app's language right after it", () => {
    vi.useFakeTimers();
    const made = vi.spyOn(Intl, "DateTimeFormat");
    warmDateFormatting();
    expect(made).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(made).toHaveBeenCalledTimes(1);
    expect(made.mock.calls[0]?.[0]).toBe("en");
  });
});
