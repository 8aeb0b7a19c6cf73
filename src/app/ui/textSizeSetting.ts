// The in-app text size as the page applies it: the root's data attribute (styles.css scales :root's font size for it)
// and the signal the control shows. Apart from the control itself, so start-up applies the saved size without
// loading the control's code, which comes after the first screen.
import { createSignal } from "solid-js";
import { loadStore, phoneHadDatabase } from "../store/storeLoader";
import type { TextSize } from "../store/textSize";

const [currentTextSize, setCurrentTextSize] = createSignal<TextSize>("normal");
export { currentTextSize };

/** A copy of the choice the page can read before its first render (IndexedDB answers only after it). */
const EARLY_COPY_KEY = "outrigger.textSize";

export function applyTextSize(size: TextSize): void {
  setCurrentTextSize(size);
  // Storage refused (private mode): the size still comes from IndexedDB, a moment later.
  void Promise.resolve().then(() => (localStorage[EARLY_COPY_KEY] = size));
  // rem throughout makes every screen follow the root.
  if (size === "normal") delete document.documentElement.dataset.textSize;
  else document.documentElement.dataset.textSize = size;
}

/** Before the first render: the copy of the last choice, so a larger size does not flash by at the normal one. */
export function applyEarlyTextSize(): void {
  // No storage (it may throw): the database's answer applies shortly after.
  void Promise.resolve().then(() => {
    const size = localStorage[EARLY_COPY_KEY] as string | undefined;
    if (size === "large" || size === "larger") document.documentElement.dataset.textSize = size;
  });
}

/**
 * Called once at start: the size chosen on an earlier visit, read from the phone's database (the record that counts).
 * A first visit has no database, so nothing chosen: Dexie is not loaded for it.
 */
export async function applySavedTextSize(): Promise<void> {
  if (!(await phoneHadDatabase())) return;
  applyTextSize(await (await loadStore()).readTextSize());
}
