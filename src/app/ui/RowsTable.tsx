// A report table given as rows (a header row, then data), as the exports and the feedback carry them.
import { For } from "solid-js";

export type RowsTableCell = string | number | null;

export function RowsTable(props: { rows: RowsTableCell[][]; testId?: string }) {
  return (
    <div class="table-wrap">
      <table data-testid={props.testId}>
        <thead>
          <tr>
            <For each={props.rows[0]}>{(cell) => <th scope="col">{cell ?? ""}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows.slice(1)}>
            {(row) => (
              <tr>
                <For each={row}>
                  {(cell) => <td class={typeof cell === "number" ? "number" : undefined}>{cell ?? ""}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
