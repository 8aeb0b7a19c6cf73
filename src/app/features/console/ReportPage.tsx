// The Good Practice Report's tables for one fiscal year, computed from the replies, analytic or as published, with exports.
import { For, Show, createResource, createSignal } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import type { PublishedTable } from "../../../shared/report";
import { consoleRequest } from "../../sync/consoleClient";
import { Link, useParams } from "../../ui/router";
import { RowsTable } from "../../ui/RowsTable";
import { withConsoleLayout } from "./ConsoleLayout";
import { CurationSection } from "./CurationSection";
import { PublishedReportTables } from "./PublishedReportTables";

type Cell = string | number | null;
interface ReportTables {
  fiscalYear: string;
  replies: number;
  sheets: { name: string; rows: Cell[][] }[];
  comparison: { label: string; text: string | null }[];
  previousSource: "replies" | "summary" | "workshops" | null;
  /** Per table number, replies of a version not bound to that table, left out of it. */
  leftOut: { table: number; replies: number; replyIds: string[]; reason: string }[];
}

export default withConsoleLayout(Report);

function Report() {
  const params = useParams<{ fiscalYear: string }>();
  const [tables] = createResource(
    () => params.fiscalYear,
    async (fy) => {
      const result = await consoleRequest<ReportTables>("GET", `/report/${encodeURIComponent(fy)}/tables`);
      return result.ok ? result.body : { problem: result.error.message };
    },
  );
  const [layout, setLayout] = createSignal<"analytic" | "published">("analytic");
  // Fetched the first time the organiser asks for the published layout, then kept.
  const [published] = createResource(
    () => (layout() === "published" ? params.fiscalYear : undefined),
    async (fy) => {
      const result = await consoleRequest<{ tables: PublishedTable[] }>(
        "GET",
        `/report/${encodeURIComponent(fy)}/published`,
      );
      return result.ok ? result.body.tables : { problem: result.error.message };
    },
  );
  const base = () => `/api/console/report/${encodeURIComponent(params.fiscalYear)}`;
  return (
    <main class="page console report">
      <p class="eyebrow no-print">
        <Link href="/console">Workshops</Link> · <Link href="/console/past-years">Past years</Link> ·{" "}
        <Link href="/console/trends">Trends</Link>
      </p>
      <h1>Follow-up survey, FY {params.fiscalYear.replace("-", "/")}</h1>
      <Show when={tables()}>
        {(t) => (
          <Show when={"sheets" in t()} fallback={<p class="field-error">{(t() as { problem: string }).problem}</p>}>
            {(() => {
              const report = t() as ReportTables;
              return (
                <>
                  <p class="no-print">
                    Computed now from {report.replies} replies. Download:{" "}
                    <a href={`${base()}/export.xlsx`}>all tables (XLSX)</a> ·{" "}
                    <a href={`${base()}/replies.csv`}>raw replies (CSV)</a> · <a href={`${base()}/export.json`}>JSON</a>{" "}
                    · <a href={`${base()}/published.xlsx`}>tables as published (XLSX)</a> ·{" "}
                    <a href={`${base()}/draft.docx`}>Word draft of the report (DOCX)</a> ·{" "}
                    <button type="button" class="button small" onClick={() => window.print()}>
                      Print or save as PDF
                    </button>
                  </p>
                  <Show when={report.comparison.some((c) => c.text)}>
                    <Show when={report.previousSource === "summary"}>
                      <p class="muted">Last year's figures come from its stored published figures (Past years).</p>
                    </Show>
                    <ul data-testid="year-comparison">
                      <For each={report.comparison.filter((c) => c.text)}>
                        {(c) => (
                          <li>
                            {c.label}: {c.text}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <fieldset class="choices no-print">
                    <legend class="question-label">Layout of the tables</legend>
                    <label class="choice">
                      <input
                        type="radio"
                        name="report-layout"
                        checked={layout() === "analytic"}
                        onChange={() => setLayout("analytic")}
                      />
                      <span>Analytic (every figure)</span>
                    </label>
                    <label class="choice">
                      <input
                        type="radio"
                        name="report-layout"
                        checked={layout() === "published"}
                        onChange={() => setLayout("published")}
                      />
                      <span>As published</span>
                    </label>
                  </fieldset>
                  <Show when={layout() === "analytic"}>
                    <For each={report.sheets}>
                      {(sheet, index) => (
                        <section class="report-table">
                          <h2>{sheet.name}</h2>
                          <p class="no-print">
                            <a href={`${base()}/tables/${index() + 1}.csv`}>CSV</a>
                          </p>
                          <RowsTable rows={sheet.rows} testId={`report-table-${index() + 1}`} />
                          <For each={report.leftOut.filter((l) => l.table === index() + 1)}>
                            {(left) => (
                              <div class="banner banner-info" role="note" data-testid={`left-out-${left.table}`}>
                                <p>
                                  {left.reason} Left out: {left.replies} {left.replies === 1 ? "reply" : "replies"}.
                                </p>
                                <details>
                                  <summary>Which replies</summary>
                                  <p>{left.replyIds.join(", ")}</p>
                                </details>
                              </div>
                            )}
                          </For>
                        </section>
                      )}
                    </For>
                  </Show>
                  <Show when={layout() === "published" && published()}>
                    {(tables) => (
                      <Show
                        when={Array.isArray(tables())}
                        fallback={<p class="field-error">{(tables() as { problem: string }).problem}</p>}
                      >
                        <PublishedReportTables tables={tables() as PublishedTable[]} />
                      </Show>
                    )}
                  </Show>
                  <CurationSection fiscalYearPath={params.fiscalYear} />
                </>
              );
            })()}
          </Show>
        )}
      </Show>
    </main>
  );
}

export const reportPath = (fiscalYear: string): string => `/console/report/${fiscalYearToPath(fiscalYear)}`;
