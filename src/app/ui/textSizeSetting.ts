// The in-app text size as the page applies it: the root's data attribute (styles.css scales :root's font size for it)
// and the signal the control shows. Apart from the control itself, so start-up applies the saved size without
// loading the control's code, which comes after the first screen.
import { createSignal } from "solid-js";
import { readTextSize, type TextSize } from "../store/textSize";

const [currentTextSize, setCurrentTextSize] = createSignal<TextSize>("normal");
export { currentTextSize };

export function applyTextSize(size: TextSize): void {
  setCurrentTextSize(size);
  // rem throughout makes every screen follow the root.
  if (size === "normal") delete document.documentElement.dataset.textSize;
  else document.documentElement.dataset.textSize = size;
}

/** Called once at start: the size chosen on an earlier visit, read from the phone's database. */
export async function applySavedTextSize(): Promise<void> {
  applyTextSize(await readTextSize());
}
