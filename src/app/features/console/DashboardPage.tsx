// Reply tracking for one fiscal year: invited, administrations, replies and both reply rates per
// workshop (each linking to its campaign), sub-regional and regional subtotals, and replies per day.
import { For, Show, createResource } from "solid-js";
import type { RepliesRow, ReportTable, SubtotalScope, TotalScope, WorkshopScope } from "../../../shared/report";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { repliesText as t } from "./consoleText";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { formattingLocale } from "../../i18n/language";
import { repliesOverTimeSummary, type RepliesOnDay } from "./repliesOverTime";
import "./consoleOverview.css";
import { StackedTable } from "../../ui/StackedTable";

interface Tracking {
  fiscalYear: string;
  table: ReportTable<RepliesRow>;
  /** Per workshop id, its newest campaign: where its row links. */
  campaignOf: Record<string, string>;
  lastReplyAt: Record<string, string>;
  repliesOverTime: RepliesOnDay[];
}

const percent = (value: number | null) => (value === null ? "—" : t("percent", { value }));
const SUBTOTAL = {
  regional: "subtotalRegional",
  "sub-regional": "subtotalSub-regional",
  national: "subtotalNational",
} as const;

export default withConsoleLayout(Dashboard);

function Dashboard() {
  const params = useParams<{ ref: string }>();
  const [tracking] = createResource(
    () => params.ref,
    async (fy) => {
      const result = await consoleRequest<Tracking>("GET", `/tracking/${encodeURIComponent(fy)}`);
      return result.ok ? result.body : undefined;
    },
  );
  const label = (row: (WorkshopScope | SubtotalScope | TotalScope) & RepliesRow) =>
    row.scope === "workshop"
      ? row.title
      : row.scope === "subtotal"
        ? t(SUBTOTAL[row.kind], { workshops: row.workshops })
        : t("total", { workshops: row.workshops });

  return (
    <main class="page console">
      <p class="eyebrow">
        <Link href="/console">{t("workshops")}</Link> ·{" "}
        <Link href={`/console/report/${params.ref}`}>{t("reportTables")}</Link>
      </p>
      <h1>{t("repliesHeading", { year: params.ref.replace("-", "/") })}</h1>
      <Show when={tracking()} fallback={<p class="muted">{t("loading")}</p>}>
        {(data) => (
          <>
            <StackedTable
              columns={[
                t("columnWorkshop"),
                t("columnAdministrations"),
                t("columnInvited"),
                t("columnReplies"),
                t("columnRatePerAdministration"),
                t("columnRatePerParticipant"),
                t("columnLastReply"),
              ]}
              testId="tracking"
            >
              <For each={[...data().table.rows, ...data().table.subtotals, data().table.total]}>
                {(row) => (
                  <tr classList={{ subtotal: row.scope !== "workshop" }}>
                    <td>
                      <Show when={row.scope === "workshop" && data().campaignOf[row.workshopId]} fallback={label(row)}>
                        {(campaignId) => <Link href={`/console/campaigns/${campaignId()}`}>{label(row)}</Link>}
                      </Show>
                    </td>
                    <td class="number" data-label={t("columnAdministrations")}>
                      {row.participatingAdministrations}
                    </td>
                    <td class="number" data-label={t("columnInvited")}>
                      {row.invitedParticipants}
                    </td>
                    <td class="number" data-label={t("columnReplies")}>
                      {row.replies}
                    </td>
                    <td class="number" data-label={t("columnRatePerAdministration")}>
                      {percent(row.ratePerAdministration)}
                    </td>
                    <td class="number" data-label={t("columnRatePerParticipant")}>
                      {percent(row.ratePerParticipant)}
                    </td>
                    <td data-label={t("columnLastReply")}>
                      {row.scope === "workshop" ? formatDateTime(data().lastReplyAt[row.workshopId]) : ""}
                    </td>
                  </tr>
                )}
              </For>
            </StackedTable>
            <h2>{t("repliesOverTime")}</h2>
            <RepliesChart points={data().repliesOverTime} />
          </>
        )}
      </Show>
    </main>
  );
}

/**
 * Replies per day as bars, each labelled with its count while there are few, the first and last day named below,
 * and the same told in words: one day of replies is one labelled bar, not a line with one point.
 */
function RepliesChart(props: { points: RepliesOnDay[] }) {
  const width = 320;
  const height = 150;
  const top = 16;
  const bottom = 22;
  const plot = height - top - bottom;
  const LABEL_EACH_BAR_UP_TO = 14;
  const most = () => Math.max(1, ...props.points.map((p) => p.replies));
  const slot = () => (width - 8) / props.points.length;
  const barWidth = () => Math.min(40, Math.max(1, slot() * 0.7));
  const centre = (i: number) => 4 + i * slot() + slot() / 2;
  const summary = () => repliesOverTimeSummary(props.points);
  return (
    <Show when={props.points.length > 0} fallback={<p class="muted">{summary()}</p>}>
      <figure class="chart" data-testid="replies-chart">
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t("repliesPerDay", { summary: summary() })}>
          <line class="chart-axis" x1="4" x2={width - 4} y1={top + plot} y2={top + plot} />
          <For each={props.points}>
            {(p, i) => {
              const barHeight = () => (p.replies / most()) * plot;
              return (
                <>
                  <rect
                    class="chart-bar"
                    x={centre(i()) - barWidth() / 2}
                    y={top + plot - barHeight()}
                    width={barWidth()}
                    height={barHeight()}
                  />
                  <Show when={props.points.length <= LABEL_EACH_BAR_UP_TO && p.replies > 0}>
                    <text class="chart-label" x={centre(i())} y={top + plot - barHeight() - 4} text-anchor="middle">
                      {p.replies}
                    </text>
                  </Show>
                </>
              );
            }}
          </For>
          <Show
            when={props.points.length > 1}
            fallback={
              <text class="chart-label" x={centre(0)} y={height - 6} text-anchor="middle">
                {formatCalendarDate(props.points[0].date, formattingLocale())}
              </text>
            }
          >
            <text class="chart-label" x="4" y={height - 6}>
              {formatCalendarDate(props.points[0].date, formattingLocale())}
            </text>
            <text class="chart-label" x={width - 4} y={height - 6} text-anchor="end">
              {formatCalendarDate(props.points[props.points.length - 1].date, formattingLocale())}
            </text>
          </Show>
        </svg>
        <figcaption class="muted">{summary()}</figcaption>
      </figure>
    </Show>
  );
}
