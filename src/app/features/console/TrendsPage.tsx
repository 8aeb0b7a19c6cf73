// Trends across years: each headline figure as a small table with a bar per year, the number beside it; then the
// same per sub-region. Prints cleanly: no console bar, no chart split across pages.
import { For, Show, createResource } from "solid-js";
import type { TrendsYear } from "../../../shared/report";
import type { SubRegionSeries } from "../../../shared/report/subRegionTrends";
import { consoleRequest } from "../../sync/consoleClient";
import { Link } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { reportsText as t } from "./consoleText";
import { figureName } from "./reportWords";
import "./pastYears.css";

export default withConsoleLayout(Trends);

const SOURCE_WORDS = {
  replies: "sourceReplies",
  summary: "sourceSummary",
  workshops: "sourceWorkshops",
} as const satisfies Record<TrendsYear["source"], string>;

type TrendPoint = Pick<TrendsYear, "fiscalYear" | "figures">;

const indicators = (list: readonly TrendPoint[]) => {
  const seen = new Map<string, { key: string; table: number; label: string }>();
  for (const y of list) for (const f of y.figures) if (!seen.has(f.key)) seen.set(f.key, f);
  return [...seen.values()];
};
const valueOf = (y: TrendPoint, key: string) => y.figures.find((f) => f.key === key)?.value ?? null;

/** One figure over the years: the year, the percent, and a bar with the number beside it (bar hidden from readers). */
function TrendTable(props: { id: string; title: string; years: readonly TrendPoint[]; indicatorKey: string }) {
  return (
    <section class="report-table trend-block">
      <h3 id={props.id}>{props.title}</h3>
      <table class="trend-table" aria-labelledby={props.id}>
        <thead>
          <tr>
            <th scope="col">{t("columnFiscalYear")}</th>
            <th scope="col">{t("columnPercent")}</th>
            <th scope="col">{t("columnChart")}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.years}>
            {(y) => {
              const value = valueOf(y, props.indicatorKey);
              return (
                <tr>
                  <th scope="row">{y.fiscalYear}</th>
                  <td>{value === null ? "–" : t("percent", { value })}</td>
                  <td class="trend-chart" aria-hidden="true">
                    <span class="trend-bar" style={{ width: `${Math.min(value ?? 0, 100) * 0.8}%` }} />
                    <span class="trend-bar-number">{value === null ? "" : ` ${t("percent", { value })}`}</span>
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function Trends() {
  const [trends] = createResource(async () => {
    const result = await consoleRequest<{ years: TrendsYear[]; subRegions?: SubRegionSeries[] }>("GET", "/trends");
    return result.ok ? result.body : { problem: result.error.message };
  });
  const years = () => {
    const loaded = trends();
    return loaded === undefined ? undefined : "years" in loaded ? loaded.years : loaded;
  };
  // Only sub-regions with replies in some year: published figures are not split by administration.
  const subRegions = () => {
    const loaded = trends();
    return loaded && "years" in loaded
      ? (loaded.subRegions ?? []).filter((s) => s.years.some((y) => y.replies > 0))
      : [];
  };
  return (
    <main class="page console">
      <p class="eyebrow no-print">
        <Link href="/console">{t("workshops")}</Link> · <Link href="/console/past-years">{t("pastYears")}</Link>
      </p>
      <h1>{t("trendsHeading")}</h1>
      <Show when={years()}>
        {(loaded) => (
          <Show
            when={Array.isArray(loaded())}
            fallback={<p class="field-error">{(loaded() as { problem: string }).problem}</p>}
          >
            {(() => {
              const list = loaded() as TrendsYear[];
              return (
                <>
                  <ul>
                    <For each={list}>
                      {(y) => (
                        <li>
                          {t("yearLine", { year: y.fiscalYear, replies: y.replies, source: t(SOURCE_WORDS[y.source]) })}
                        </li>
                      )}
                    </For>
                  </ul>
                  <h2>{t("wholeRegion")}</h2>
                  <For each={indicators(list)}>
                    {(indicator) => (
                      <TrendTable
                        id={`trend-${indicator.key}`}
                        title={t("trendTitle", {
                          label: figureName(indicator.key, indicator.label),
                          table: indicator.table,
                        })}
                        years={list}
                        indicatorKey={indicator.key}
                      />
                    )}
                  </For>
                </>
              );
            })()}
          </Show>
        )}
      </Show>
      <For each={subRegions()}>
        {(series) => (
          <section aria-labelledby={`sub-region-${series.subRegion}`}>
            <h2 id={`sub-region-${series.subRegion}`}>{series.name}</h2>
            <p class="muted">
              {t("subRegionReplies", {
                years: series.years
                  .map((y) => t("subRegionYear", { year: y.fiscalYear, replies: y.replies }))
                  .join(", "),
              })}
            </p>
            <For each={indicators(series.years)}>
              {(indicator) => (
                <TrendTable
                  id={`trend-${series.subRegion}-${indicator.key}`}
                  title={t("trendTitle", { label: figureName(indicator.key, indicator.label), table: indicator.table })}
                  years={series.years}
                  indicatorKey={indicator.key}
                />
              )}
            </For>
          </section>
        )}
      </For>
    </main>
  );
}
