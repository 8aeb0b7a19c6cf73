// Asked before a big download on mobile data, Data Saver or a slow link: the size, and a plain yes or not now.
import { onMount } from "solid-js";
import type { MeteredReason, MeteredWarning } from "../../sync/downloadPace";
import { formatBytes } from "./formatBytes";

const WHY: Record<MeteredReason, string> = {
  cellular: "You are on mobile data",
  "data-saver": "Data Saver is on",
  slow: "The connection is slow",
};

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
        Download {formatBytes(props.warning.bytes)}?
      </h2>
      <p>
        {WHY[props.warning.reason]}. This download is {formatBytes(props.warning.bytes)}; it may cost you data or take a
        long time. You can also wait for Wi-Fi.
      </p>
      <div class="button-row">
        <button type="button" class="button primary" onClick={() => props.onYes()}>
          Download {formatBytes(props.warning.bytes)}
        </button>
        <button type="button" class="button" onClick={() => props.onNo()}>
          Not now
        </button>
      </div>
    </section>
  );
}
