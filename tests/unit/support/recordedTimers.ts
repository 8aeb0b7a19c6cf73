// Timers handed to the engine and downloader in unit tests: recorded, never fired by themselves, so a test runs them when it chooses.
export interface RecordedTimer {
  callback: () => void;
  ms: number;
  cleared: boolean;
}

/** The setTimer/clearTimer pair of a Platform-like deps object, recording each timer with `record`. */
export function recordedTimerDeps(record: (timer: RecordedTimer) => void) {
  return {
    setTimer: (callback: () => void, ms: number): unknown => {
      const timer: RecordedTimer = { callback, ms, cleared: false };
      record(timer);
      return timer;
    },
    clearTimer: (handle: unknown): void => {
      (handle as RecordedTimer).cleared = true;
    },
  };
}
