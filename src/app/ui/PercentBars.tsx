// Horizontal bars for a table's overall percentages: plain HTML and CSS, so each bar's words are read aloud and wrap.
import { For, Show } from "solid-js";
import { totalPercentBars } from "./percentBars";
import type { RowsTableCell } from "./RowsTable";

export function PercentBars(props: { rows: RowsTableCell[][]; caption: string }) {
  const bars = () => totalPercentBars(props.rows);
  return (
    <Show when={bars().length > 0}>
      <figure class="percent-bars" data-testid="percent-bars">
        <figcaption>{props.caption}</figcaption>
        <ul>
          <For each={bars()}>
            {(bar) => (
              <li>
                <span class="percent-bar-label">
                  {bar.label}: <strong>{Math.round(bar.percent)}%</strong>
                </span>
                <span class="percent-bar-track" aria-hidden="true">
                  <span class="percent-bar-fill" style={{ width: `${bar.percent}%` }} />
                </span>
              </li>
            )}
          </For>
        </ul>
      </figure>
    </Show>
  );
}
