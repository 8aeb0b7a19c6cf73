// The moment the participant's first screen is up: work the first screen does not need (sync, service worker,
// materials list, PDF viewer) waits for it, so it never competes with the questionnaire for a slow link or CPU.

/** A screen that never says it is up (library, trainer tools) lets background work start after this long. */
const FALLBACK_AFTER_START_MS = 3_000;
/**
 * The screens that do say so (home, join, questionnaire) get longer on a slow phone: background work starts with
 * the "later" chunk (~60 KB), which must not compete with the first question for the link.
 */
const FALLBACK_ON_FIRST_SCREENS_MS = 10_000;
const isFirstScreenPath = (path: string) => path === "/" || /^\/(join|survey)(\/|$)/.test(path);

let markShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => (markShown = resolve));

/** Called by the screens a participant starts on (questionnaire, home) once they are on screen. */
export function markFirstScreenShown(): void {
  markShown();
}

export function whenFirstScreenShown(): Promise<void> {
  const fallbackMs = isFirstScreenPath(location.pathname) ? FALLBACK_ON_FIRST_SCREENS_MS : FALLBACK_AFTER_START_MS;
  return Promise.race([shown, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}

/** After the first screen, once the browser is idle: for what no one waits on (service worker, PDF viewer). */
export function whenIdleAfterFirstScreen(): Promise<void> {
  return whenFirstScreenShown().then(
    () =>
      new Promise<void>((resolve) =>
        "requestIdleCallback" in window
          ? requestIdleCallback(() => resolve(), { timeout: 2_000 })
          : setTimeout(resolve, 200),
      ),
  );
}
