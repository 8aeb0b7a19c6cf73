// The Good Practice Report's tables for one fiscal year, computed from the replies, analytic or as published, with exports.
import { For, Show, createResource, createSignal } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import type { PublishedTable } from "../../../shared/report";
import { currentLanguage } from "../../i18n/language";
import { consoleRequest } from "../../sync/consoleClient";
import { Link, useParams } from "../../ui/router";
import { RowsTable } from "../../ui/RowsTable";
import { withConsoleLayout } from "./ConsoleLayout";
import { CurationSection } from "./CurationSection";
import { PublishedReportTables } from "./PublishedReportTables";
import { reportsText as t } from "./consoleText";
import { cellNumber, comparisonLine, leftOutReason, type ComparedFigure, type LeftOutGroup } from "./reportWords";

type Cell = string | number | null;
interface ReportTables {
  fiscalYear: string;
  replies: number;
  sheets: { name: string; rows: Cell[][] }[];
  /** The headline figures' keys and percents, this year's and last year's (worded here, in the console's language). */
  comparison: ComparedFigure[];
  previousFiscalYear: string | null;
  previousSource: "replies" | "summary" | "workshops" | null;
  /** Per table number, replies of a version not bound to that table, left out of it. */
  leftOut: (LeftOutGroup & { replies: number; replyIds: string[] })[];
}

export default withConsoleLayout(Report);

/** The figures both years have. */
const compared = (report: ReportTables) => report.comparison.filter((c) => c.previous !== null && c.current !== null);

function Report() {
  const params = useParams<{ fiscalYear: string }>();
  // The analytic tables come headed in the console's language, so a change of language fetches them again.
  const [tables] = createResource(
    () => ({ fy: params.fiscalYear, language: currentLanguage() }),
    async ({ fy, language }) => {
      const result = await consoleRequest<ReportTables>(
        "GET",
        `/report/${encodeURIComponent(fy)}/tables?lang=${language}`,
      );
      return result.ok ? result.body : { problem: result.error.message };
    },
  );
  const [layout, setLayout] = createSignal<"analytic" | "published">("analytic");
  // Fetched the first time the organiser asks for the published layout, then kept (again in another language).
  const [published] = createResource(
    () => (layout() === "published" ? { fy: params.fiscalYear, language: currentLanguage() } : undefined),
    async ({ fy, language }) => {
      const result = await consoleRequest<{ tables: PublishedTable[] }>(
        "GET",
        `/report/${encodeURIComponent(fy)}/published?lang=${language}`,
      );
      return result.ok ? result.body.tables : { problem: result.error.message };
    },
  );
  const base = () => `/api/console/report/${encodeURIComponent(params.fiscalYear)}`;
  return (
    <main class="page console report">
      <p class="eyebrow no-print">
        <Link href="/console">{t("workshops")}</Link> · <Link href="/console/past-years">{t("pastYears")}</Link> ·{" "}
        <Link href="/console/trends">{t("trends")}</Link>
      </p>
      <h1>{t("reportHeading", { year: params.fiscalYear.replace("-", "/") })}</h1>
      <Show when={tables()}>
        {(loaded) => (
          <Show
            when={"sheets" in loaded()}
            fallback={<p class="field-error">{(loaded() as { problem: string }).problem}</p>}
          >
            {(() => {
              const report = loaded() as ReportTables;
              return (
                <>
                  <p class="no-print">
                    {t("computedFrom", { count: report.replies })}{" "}
                    <a href={`${base()}/export.xlsx`}>{t("allTablesXlsx")}</a> ·{" "}
                    <a href={`${base()}/replies.csv`}>{t("rawRepliesCsv")}</a> ·{" "}
                    <a href={`${base()}/export.json`}>{t("json")}</a> ·{" "}
                    <a href={`${base()}/published.xlsx?lang=${currentLanguage()}`}>{t("publishedXlsx")}</a> ·{" "}
                    <a href={`${base()}/draft.docx?lang=${currentLanguage()}`}>{t("wordDraft")}</a> ·{" "}
                    <button type="button" class="button small" onClick={() => window.print()}>
                      {t("print")}
                    </button>
                  </p>
                  <Show when={report.previousFiscalYear !== null && compared(report).length > 0}>
                    <Show when={report.previousSource === "summary"}>
                      <p class="muted">{t("lastYearFromSummary")}</p>
                    </Show>
                    <ul data-testid="year-comparison">
                      <For each={compared(report)}>
                        {(c) => <li>{comparisonLine(c, report.previousFiscalYear ?? "", report.fiscalYear)}</li>}
                      </For>
                    </ul>
                  </Show>
                  <fieldset class="choices no-print">
                    <legend class="question-label">{t("layoutLegend")}</legend>
                    <label class="choice">
                      <input
                        type="radio"
                        name="report-layout"
                        checked={layout() === "analytic"}
                        onChange={() => setLayout("analytic")}
                      />
                      <span>{t("layoutAnalytic")}</span>
                    </label>
                    <label class="choice">
                      <input
                        type="radio"
                        name="report-layout"
                        checked={layout() === "published"}
                        onChange={() => setLayout("published")}
                      />
                      <span>{t("layoutPublished")}</span>
                    </label>
                  </fieldset>
                  <Show when={layout() === "analytic"}>
                    <For each={report.sheets}>
                      {(sheet, index) => (
                        <section class="report-table">
                          <h2>{sheet.name}</h2>
                          <p class="no-print">
                            <a href={`${base()}/tables/${index() + 1}.csv`}>{t("csv")}</a>
                          </p>
                          <RowsTable
                            rows={sheet.rows}
                            testId={`report-table-${index() + 1}`}
                            formatNumber={cellNumber}
                          />
                          <For each={report.leftOut.filter((l) => l.table === index() + 1)}>
                            {(left) => (
                              <div class="banner banner-info" role="note" data-testid={`left-out-${left.table}`}>
                                <p>
                                  {t(left.replies === 1 ? "leftOutOne" : "leftOutMany", {
                                    reason: leftOutReason(left),
                                    count: left.replies,
                                  })}
                                </p>
                                <details>
                                  <summary>{t("whichReplies")}</summary>
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
