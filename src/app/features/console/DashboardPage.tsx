// Reply tracking for one fiscal year: invited, administrations, replies and both reply rates per
// workshop, sub-regional and regional subtotals, and replies arriving over time.
import { For, Show, createResource } from "solid-js";
import type { RepliesRow, ReportTable, SubtotalScope, TotalScope, WorkshopScope } from "../../../shared/report";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import "../../ui/stackedTables.css";

interface Tracking {
  fiscalYear: string;
  table: ReportTable<RepliesRow>;
  lastReplyAt: Record<string, string>;
  repliesOverTime: { date: string; replies: number; cumulative: number }[];
}

const percent = (value: number | null) => (value === null ? "—" : `${value}%`);
const KIND = { regional: "Regional", "sub-regional": "Sub-regional", national: "National" } as const;

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
        ? `${KIND[row.kind]} subtotal (${row.workshops})`
        : `Total (${row.workshops})`;

  return (
    <main class="page console">
      <p class="eyebrow">
        <Link href="/console">Workshops</Link> · <Link href={`/console/report/${params.ref}`}>Report tables</Link>
      </p>
      <h1>Replies, FY {params.ref.replace("-", "/")}</h1>
      <Show when={tracking()} fallback={<p class="muted">Loading…</p>}>
        {(t) => (
          <>
            <div class="table-wrap stack-when-narrow">
              <table data-testid="tracking">
                <thead>
                  <tr>
                    <th scope="col">Workshop</th>
                    <th scope="col">Adm.</th>
                    <th scope="col">Invited</th>
                    <th scope="col">Replies</th>
                    <th scope="col">Rate per adm.</th>
                    <th scope="col">Rate per invited</th>
                    <th scope="col">Last reply</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={[...t().table.rows, ...t().table.subtotals, t().table.total]}>
                    {(row) => (
                      <tr classList={{ subtotal: row.scope !== "workshop" }}>
                        <td>{label(row)}</td>
                        <td class="number" data-label="Administrations">
                          {row.participatingAdministrations}
                        </td>
                        <td class="number" data-label="Invited">
                          {row.invitedParticipants}
                        </td>
                        <td class="number" data-label="Replies">
                          {row.replies}
                        </td>
                        <td class="number" data-label="Rate per administration">
                          {percent(row.ratePerAdministration)}
                        </td>
                        <td class="number" data-label="Rate per invited">
                          {percent(row.ratePerParticipant)}
                        </td>
                        <td data-label="Last reply">
                          {row.scope === "workshop" ? formatDateTime(t().lastReplyAt[row.workshopId]) : ""}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <h2>Replies over time</h2>
            <RepliesChart points={t().repliesOverTime} />
          </>
        )}
      </Show>
    </main>
  );
}

/** A small line chart of cumulative replies per day, drawn as SVG with a text equivalent. */
function RepliesChart(props: { points: { date: string; cumulative: number }[] }) {
  const width = 320;
  const height = 120;
  const max = () => Math.max(1, ...props.points.map((p) => p.cumulative));
  const path = () =>
    props.points
      .map((p, i) => {
        const x = props.points.length === 1 ? width / 2 : (i / (props.points.length - 1)) * (width - 8) + 4;
        const y = height - 4 - (p.cumulative / max()) * (height - 8);
        return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
      })
      .join(" ");
  return (
    <Show when={props.points.length > 0} fallback={<p class="muted">No replies yet.</p>}>
      <figure class="chart">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Cumulative replies from ${props.points[0].date} to ${props.points[props.points.length - 1].date}: ${props.points[props.points.length - 1].cumulative}`}
        >
          <rect x="0" y="0" width={width} height={height} fill="#fff" stroke="#c9d1d6" />
          <path d={path()} fill="none" stroke="#0b5560" stroke-width="2.5" />
        </svg>
        <figcaption class="muted">
          {props.points[props.points.length - 1].cumulative} replies by {props.points[props.points.length - 1].date}{" "}
          (first on {props.points[0].date}).
        </figcaption>
      </figure>
    </Show>
  );
}
