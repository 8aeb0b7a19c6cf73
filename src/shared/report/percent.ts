// Percentages as the Good Practice Report prints them: whole numbers, half rounding up, never NaN.
import type { Percent } from "./types";

/** numerator ÷ denominator as a whole percent, half rounding up (integer arithmetic: no 12.4999…). */
export function wholePercent(numerator: number, denominator: number): Percent {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) return null;
  if (Number.isInteger(numerator) && Number.isInteger(denominator)) {
    return Math.floor((200 * numerator + denominator) / (2 * denominator));
  }
  return Math.round((numerator * 100) / denominator);
}

/** "66%", or an en dash where there is nothing to divide by. */
export function formatPercent(percent: Percent): string {
  return percent === null ? "–" : `${percent}%`;
}
