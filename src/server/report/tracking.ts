// The tracking dashboard's figures: per workshop invited, administrations, replies and rates, and replies over time.
import { repliesTable, type RepliesRow, type ReportTable } from "../../shared/report";
import { newestCampaignOfEachWorkshop } from "../db/campaigns";
import type { OutriggerDatabase } from "../db/database";
import { countedReplies, loadYearData } from "./reportData";

export interface RepliesPerDay {
  /** UTC calendar day of received_at: "2024-01-10". */
  date: string;
  /** Replies that count, received that day. */
  replies: number;
  /** Replies that count, received up to and including that day. */
  cumulative: number;
}

export interface ReplyTracking {
  fiscalYear: string;
  /**
   * Table 1 of the report: per workshop invited participants, participating administrations,
   * replies (one per invitation), responding administrations, reply rate per administration and
   * per participant; sub-regional / regional (/ national) subtotals and the total.
   */
  table: ReportTable<RepliesRow>;
  /** Per workshop id, its newest campaign's id (absent when it has none), for the dashboard's links. */
  campaignOf: Record<string, string>;
  /** Per workshop id, when its latest counted reply arrived (absent when none). */
  lastReplyAt: Record<string, string>;
  /** Every UTC day from the first counted reply to the last, gaps included with 0 replies. */
  repliesOverTime: RepliesPerDay[];
  /** Stored replies that do not count because the same invitation sent a later one. */
  supersededReplies: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function utcDay(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** Replies per UTC day, cumulative, without gaps between the first and the last day. */
export function repliesPerDay(receivedAt: readonly string[]): RepliesPerDay[] {
  const perDay = new Map<string, number>();
  for (const at of receivedAt) {
    const day = utcDay(at);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  if (perDay.size === 0) return [];
  const days = [...perDay.keys()].sort();
  const first = Date.parse(`${days[0]}T00:00:00.000Z`);
  const last = Date.parse(`${days[days.length - 1]}T00:00:00.000Z`);
  const out: RepliesPerDay[] = [];
  let cumulative = 0;
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    const replies = perDay.get(date) ?? 0;
    cumulative += replies;
    out.push({ date, replies, cumulative });
  }
  return out;
}

export async function replyTracking(db: OutriggerDatabase, fiscalYear: string): Promise<ReplyTracking> {
  const data = await loadYearData(db, fiscalYear);
  const counted = data.storedReplies.filter((r) => r.counted);
  const lastReplyAt: Record<string, string> = {};
  for (const r of counted) {
    const prev = lastReplyAt[r.workshopId];
    if (prev === undefined || Date.parse(r.receivedAt) > Date.parse(prev)) lastReplyAt[r.workshopId] = r.receivedAt;
  }
  const newestCampaigns = await newestCampaignOfEachWorkshop(
    db,
    data.workshops.map((w) => w.id),
  );
  return {
    fiscalYear,
    table: repliesTable(data.workshops, countedReplies(data)),
    campaignOf: Object.fromEntries([...newestCampaigns].map(([workshopId, c]) => [workshopId, c.id])),
    lastReplyAt,
    repliesOverTime: repliesPerDay(counted.map((r) => r.receivedAt)),
    supersededReplies: data.storedReplies.length - counted.length,
  };
}
