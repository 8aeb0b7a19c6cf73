// The in-app text size (Normal / Large / Larger), on every screen's bar: it scales the root font size on top of the
// browser's own setting, and the choice is kept on the phone so it holds offline and on the next visit.
import { For } from "solid-js";
import { TEXT_SIZES, saveTextSize, type TextSize } from "../../store/textSize";
import { applyTextSize, currentTextSize as currentSize } from "../../ui/textSizeSetting";
import "./textSizeControl.css";
import { t } from "../../i18n/appBarMessages";

const SIZE_NAMES = { normal: "textNormal", large: "textLarge", larger: "textLarger" } as const satisfies Record<
  TextSize,
  string
>;

/** Loaded after the first screen is up (App.tsx): the first question never waits for it. */
export default function TextSizeControl() {
  const choose = (size: TextSize) => {
    applyTextSize(size);
    void saveTextSize(size);
  };
  return (
    <details class="text-size">
      <summary>
        <span aria-hidden="true">Aa</span>
        <span class="visually-hidden">{t("textSize")}</span>
      </summary>
      <fieldset class="text-size-choices">
        <legend>{t("textSize")}</legend>
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
              <span>{t(SIZE_NAMES[size])}</span>
            </label>
          )}
        </For>
      </fieldset>
    </details>
  );
}
