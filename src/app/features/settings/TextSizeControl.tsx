// The in-app text size (Normal / Large / Larger), on every screen's bar: it scales the root font size on top of the
// browser's own setting, and the choice is kept on the phone so it holds offline and on the next visit.
import { For, createSignal } from "solid-js";
import { TEXT_SIZES, readTextSize, saveTextSize, type TextSize } from "../../store/textSize";

const SIZE_NAMES: Record<TextSize, string> = { normal: "Normal", large: "Large", larger: "Larger" };

const [currentSize, setCurrentSize] = createSignal<TextSize>("normal");

function applyTextSize(size: TextSize): void {
  setCurrentSize(size);
  // styles.css scales :root's font size for these values; rem throughout makes every screen follow.
  if (size === "normal") delete document.documentElement.dataset.textSize;
  else document.documentElement.dataset.textSize = size;
}

/** Called once at start: the size chosen on an earlier visit, read from the phone's database. */
export async function applySavedTextSize(): Promise<void> {
  applyTextSize(await readTextSize());
}

export function TextSizeControl() {
  const choose = (size: TextSize) => {
    applyTextSize(size);
    void saveTextSize(size);
  };
  return (
    <details class="text-size">
      <summary>
        <span aria-hidden="true">Aa</span>
        <span class="visually-hidden">Text size</span>
      </summary>
      <fieldset class="text-size-choices">
        <legend>Text size</legend>
        <For each={TEXT_SIZES}>
          {(size) => (
            <label class="choice">
              <input
                type="radio"
                name="text-size"
                value={size}
                checked={currentSize() === size}
                onChange={() => choose(size)}
              />
              <span>{SIZE_NAMES[size]}</span>
            </label>
          )}
        </For>
      </fieldset>
    </details>
  );
}
