// Trends across years: each headline figure as a small table with a bar per year, the number beside it; then the
// same per sub-region. Prints cleanly: no console bar, no chart split across pages.
import { For, Show, createResource } from "solid-js";
import type { TrendsYear } from "../../../shared/report";
import type { SubRegionSeries } from "../../../shared/report/subRegionTrends";
import { consoleRequest } from "../../sync/consoleClient";
import { Link } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import "./pastYears.css";

export default withConsoleLayout(Trends);

const SOURCE_WORDS: Record<TrendsYear["source"], string> = {
  replies: "computed from its replies",
  summary: "from its published figures",
  workshops: "workshops without replies",
};

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
            <th scope="col">Fiscal year</th>
            <th scope="col">Percent</th>
            <th scope="col">Chart</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.years}>
            {(y) => {
              const value = valueOf(y, props.indicatorKey);
              return (
                <tr>
                  <th scope="row">{y.fiscalYear}</th>
                  <td>{value === null ? "–" : `${value}%`}</td>
                  <td class="trend-chart" aria-hidden="true">
                    <span class="trend-bar" style={{ width: `${Math.min(value ?? 0, 100) * 0.8}%` }} />
                    <span class="trend-bar-number">{value === null ? "" : ` ${value}%`}</span>
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
    const t = trends();
    return t === undefined ? undefined : "years" in t ? t.years : t;
  };
  // Only sub-regions with replies in some year: published figures are not split by administration.
  const subRegions = () => {
    const t = trends();
    return t && "years" in t ? (t.subRegions ?? []).filter((s) => s.years.some((y) => y.replies > 0)) : [];
  };
  return (
    <main class="page console">
      <p class="eyebrow no-print">
        <Link href="/console">Workshops</Link> · <Link href="/console/past-years">Past years</Link>
      </p>
      <h1>Trends across years</h1>
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
                          FY {y.fiscalYear}: {y.replies} replies, {SOURCE_WORDS[y.source]}
                        </li>
                      )}
                    </For>
                  </ul>
                  <h2>The whole region</h2>
                  <For each={indicators(list)}>
                    {(indicator) => (
                      <TrendTable
                        id={`trend-${indicator.key}`}
                        title={`${indicator.label} (Table ${indicator.table})`}
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
              Replies from its administrations, in years whose replies are here:{" "}
              {series.years.map((y) => `FY ${y.fiscalYear}: ${y.replies}`).join(", ")}. Reply rates are not split by
              sub-region.
            </p>
            <For each={indicators(series.years)}>
              {(indicator) => (
                <TrendTable
                  id={`trend-${series.subRegion}-${indicator.key}`}
                  title={`${indicator.label} (Table ${indicator.table})`}
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
