// The platform's network side (fetch, base URL, clock) without its database: the first screen's code reaches the
// server through it, and does not carry Dexie along (platform.ts adds the database for everything else).

/** Time and timers together, so a fake clock can move both. */
export interface Clock {
  now(): Date;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface Network {
  fetch: typeof fetch;
  /** Origin of our server; "" means the page's own origin. */
  baseUrl: string;
  clock: Clock;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setTimer: (callback, ms) => setTimeout(callback, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The browser's fetch, page origin and clock, with any of them replaced (tests pass fakes). */
export function resolveNetwork(overrides: Partial<Network> = {}): Network {
  return {
    // Called through a wrapper: a bare `fetch` reference loses its `this` in some browsers.
    fetch: overrides.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    baseUrl: overrides.baseUrl ?? "",
    clock: overrides.clock ?? systemClock,
  };
}
