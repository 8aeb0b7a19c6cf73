// The Good Practice Report's tables for one fiscal year, computed from the replies, with exports.
import { For, Show, createResource } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { Link, useParams } from "../../ui/router";
import { RowsTable } from "../../ui/RowsTable";
import { withConsoleLayout } from "./ConsoleLayout";
import { CurationSection } from "./CurationSection";

type Cell = string | number | null;
interface ReportTables {
  fiscalYear: string;
  replies: number;
  sheets: { name: string; rows: Cell[][] }[];
  comparison: { label: string; text: string | null }[];
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
  const base = () => `/api/console/report/${encodeURIComponent(params.fiscalYear)}`;
  return (
    <main class="page console report">
      <p class="eyebrow no-print">
        <Link href="/console">Workshops</Link>
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
                    ·{" "}
                    <button type="button" class="button small" onClick={() => window.print()}>
                      Print or save as PDF
                    </button>
                  </p>
                  <Show when={report.comparison.some((c) => c.text)}>
                    <ul>
                      <For each={report.comparison.filter((c) => c.text)}>
                        {(c) => (
                          <li>
                            {c.label}: {c.text}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <For each={report.sheets}>
                    {(sheet, index) => (
                      <section class="report-table">
                        <h2>{sheet.name}</h2>
                        <p class="no-print">
                          <a href={`${base()}/tables/${index() + 1}.csv`}>CSV</a>
                        </p>
                        <RowsTable rows={sheet.rows} testId={`report-table-${index() + 1}`} />
                      </section>
                    )}
                  </For>
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
