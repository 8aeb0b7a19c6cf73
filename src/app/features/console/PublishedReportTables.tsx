// The report's Tables 1–7 as the office publishes them: printed wording, NB1 underline and NB2 bold marks, notes.
import { For, Index, Show } from "solid-js";
import type { PublishedCell, PublishedTable } from "../../../shared/report";
import { reportsText as t } from "./consoleText";

function CellRuns(props: { cell: PublishedCell }) {
  return (
    <For each={props.cell.runs}>
      {(run) =>
        run.underline && run.bold ? (
          <u>
            <strong>{run.text}</strong>
          </u>
        ) : run.underline ? (
          <u>{run.text}</u>
        ) : run.bold ? (
          <strong>{run.text}</strong>
        ) : (
          run.text
        )
      }
    </For>
  );
}

export function PublishedReportTables(props: { tables: PublishedTable[] }) {
  return (
    <For each={props.tables}>
      {(table) => (
        <section class="report-table">
          <div class="table-wrap">
            <table data-testid={`published-table-${table.number}`}>
              <caption>{t("tableCaption", { number: table.number, caption: table.caption })}</caption>
              <thead>
                <tr>
                  <For each={table.header}>{(h) => <th scope="col">{h}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={table.rows}>
                  {(row) => (
                    <tr>
                      {/* Index: the position is a plain number, and the first cell of a total row is its heading. */}
                      <Index each={row.cells}>
                        {(cell, i) =>
                          i === 0 && row.kind !== "workshop" ? (
                            <th scope="row">
                              <CellRuns cell={cell()} />
                            </th>
                          ) : (
                            <td>
                              <CellRuns cell={cell()} />
                            </td>
                          )
                        }
                      </Index>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={table.notes.length > 0}>
            <For each={table.notes}>{(note) => <p class="muted">{note}</p>}</For>
          </Show>
        </section>
      )}
    </For>
  );
}
