// Asked before a big download on mobile data, Data Saver or a slow link: the size, and a plain yes or not now.
import { onMount } from "solid-js";
import type { MeteredReason, MeteredWarning } from "../../sync/downloadPace";
import { formatBytes } from "./formatBytes";
import { t } from "../../i18n/libraryMessages";

const WHY = {
  cellular: "meteredCellular",
  "data-saver": "meteredDataSaver",
  slow: "meteredSlow",
} as const satisfies Record<MeteredReason, string>;

export function MeteredQuestion(props: { warning: MeteredWarning; onYes: () => void; onNo: () => void }) {
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());
  return (
    <section
      class="card banner-warning"
      role="alertdialog"
      aria-labelledby="metered-title"
      data-testid="metered-question"
    >
      <h2 id="metered-title" tabindex="-1" ref={heading}>
        {t("downloadSize", { size: formatBytes(props.warning.bytes) })}
      </h2>
      <p>{t("meteredExplained", { reason: t(WHY[props.warning.reason]), size: formatBytes(props.warning.bytes) })}</p>
      <div class="button-row">
        <button type="button" class="button primary" onClick={() => props.onYes()}>
          {t("downloadNow", { size: formatBytes(props.warning.bytes) })}
        </button>
        <button type="button" class="button" onClick={() => props.onNo()}>
          {t("notNow")}
        </button>
      </div>
    </section>
  );
}
