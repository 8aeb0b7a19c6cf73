// Trends across years: each headline figure as a small table with a bar per year, the number beside it.
import { For, Show, createResource } from "solid-js";
import type { TrendsYear } from "../../../shared/report";
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

function Trends() {
  const [years] = createResource(async () => {
    const result = await consoleRequest<{ years: TrendsYear[] }>("GET", "/trends");
    return result.ok ? result.body.years : { problem: result.error.message };
  });
  const indicators = (list: TrendsYear[]) => {
    const seen = new Map<string, { key: string; table: number; label: string }>();
    for (const y of list) for (const f of y.figures) if (!seen.has(f.key)) seen.set(f.key, f);
    return [...seen.values()];
  };
  const valueOf = (y: TrendsYear, key: string) => y.figures.find((f) => f.key === key)?.value ?? null;
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
                  <For each={indicators(list)}>
                    {(indicator) => (
                      <section class="report-table">
                        <h2 id={`trend-${indicator.key}`}>
                          {indicator.label} (Table {indicator.table})
                        </h2>
                        <table class="trend-table" aria-labelledby={`trend-${indicator.key}`}>
                          <thead>
                            <tr>
                              <th scope="col">Fiscal year</th>
                              <th scope="col">Percent</th>
                              <th scope="col">Chart</th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={list}>
                              {(y) => {
                                const value = valueOf(y, indicator.key);
                                return (
                                  <tr>
                                    <th scope="row">{y.fiscalYear}</th>
                                    <td>{value === null ? "–" : `${value}%`}</td>
                                    <td class="trend-chart" aria-hidden="true">
                                      <span class="trend-bar" style={{ width: `${Math.min(value ?? 0, 100)}%` }} />
                                    </td>
                                  </tr>
                                );
                              }}
                            </For>
                          </tbody>
                        </table>
                      </section>
                    )}
                  </For>
                </>
              );
            })()}
          </Show>
        )}
      </Show>
    </main>
  );
}
