// How many failed sign-ins and invitation look-ups the server lets through, per what and over which window.
// The README's "Sign-in and invitation limits" states the same rules in words.

/** Sign-in attempts are counted over a sliding window of this length. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** One e-mail from one source (client address): a guesser there is stopped, the owner elsewhere is not. */
export const SIGN_IN_FAILURES_PER_ACCOUNT_AND_SOURCE = 5;
/** One source across all e-mails: stops one address spraying guesses over many accounts. */
export const SIGN_IN_FAILURES_PER_SOURCE = 20;
/** One e-mail across all sources: past this, the account is slowed down, never locked. */
export const SIGN_IN_FAILURES_PER_ACCOUNT_BEFORE_SLOWDOWN = 50;
/** While slowed down, an account takes one attempt (from anyone) per this interval. */
export const SIGN_IN_SLOWDOWN_INTERVAL_MS = 10 * 1000;

/** Invitation codes that name no invitation are counted per source over a sliding window of this length. */
export const INVITATION_LOOKUP_WINDOW_MS = 15 * 60 * 1000;
/** Failed invitation look-ups one source may make in the window; then 429 until the oldest leaves it. */
export const INVITATION_LOOKUP_FAILURES_PER_SOURCE = 20;
