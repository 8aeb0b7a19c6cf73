// Typing into a draft, saved in batches: the throttle and the one-after-another writes, apart from the database so
// the questionnaire screen can collect answers before Dexie has loaded (it writes them once it has).
import type { AnswerValue } from "../../shared/answers";

export interface DraftWriter {
  set(questionId: string, value: AnswerValue | undefined): void;
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

export type AnswerChanges = ReadonlyMap<string, AnswerValue | undefined>;

/**
 * Collects answers while the participant types and hands them to `write` together at most `delayMs` after the
 * first change (a throttle, not a pure debounce, so steady typing still lands within the window). A batch that
 * fails to write is kept and goes with the next one: an answer is never dropped.
 */
export function createBatchWriter(write: (changes: AnswerChanges) => Promise<void>, delayMs = 250): DraftWriter {
  const delay = Math.min(delayMs, 300);
  let pending = new Map<string, AnswerValue | undefined>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;

  const writePending = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return writing;
    const batch = pending;
    pending = new Map();
    // Writes run one after another so an older batch never lands over a newer one.
    writing = writing.then(() =>
      write(batch).catch((error: unknown) => {
        failure = error;
        for (const [id, value] of batch) if (!pending.has(id)) pending.set(id, value);
      }),
    );
    return writing;
  };

  const flush = async (): Promise<void> => {
    await writePending();
    if (failure !== undefined) {
      const error = failure;
      failure = undefined;
      throw error;
    }
  };

  return {
    set(questionId, value) {
      pending.set(questionId, value);
      if (timer === undefined) timer = setTimeout(() => void writePending(), delay);
    },
    flush,
    dispose: flush,
  };
}
