// A table whose rows become cards on a narrow screen: its column headings given once, its rows (cells with their
// data-label) as children. RowsTable builds on it for tables that arrive as rows.
import { For, type JSX } from "solid-js";
import "./stackedTables.css";

export function StackedTable(props: {
  columns: readonly string[];
  testId?: string;
  labelledBy?: string;
  children: JSX.Element;
}) {
  return (
    <div class="table-wrap stack-when-narrow">
      <table data-testid={props.testId} aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            <For each={props.columns}>{(name) => <th scope="col">{name}</th>}</For>
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
