// A report table given as rows (a header row, then data), as the exports and the feedback carry them; on a narrow screen each row is a card.
import { For } from "solid-js";
import { StackedTable } from "./StackedTable";

export type RowsTableCell = string | number | null;

/** `formatNumber` writes a number cell (the console passes its language's); without it, plain digits. */
export function RowsTable(props: {
  rows: RowsTableCell[][];
  testId?: string;
  formatNumber?: (value: number) => string;
}) {
  const columnNames = () => (props.rows[0] ?? []).map((cell) => String(cell ?? ""));
  return (
    <StackedTable columns={columnNames()} testId={props.testId}>
      <For each={props.rows.slice(1)}>
        {(row) => (
          <tr>
            <For each={row}>
              {(cell, column) => (
                <td
                  class={typeof cell === "number" ? "number" : undefined}
                  data-label={columnNames()[column()] || undefined}
                >
                  {typeof cell === "number" && props.formatNumber ? props.formatNumber(cell) : (cell ?? "")}
                </td>
              )}
            </For>
          </tr>
        )}
      </For>
    </StackedTable>
  );
}
