// Answer tags (curation of free-text answers) and the feedback published per campaign.
import type { AnswerTag, AnswerTagging, QuoteId, ReportHeading } from "../../shared/feedback";
import { auditIfLanded, recordAudit, type Editor } from "./auditLog";
import type { OutriggerDatabase } from "./database";

function toTagging(r: {
  reply_id: string;
  question_id: string;
  tag: string;
  heading: string;
  quote: number | string;
  excerpt: string | null;
  tagged_by: string;
  tagged_at: string;
}): AnswerTagging {
  return {
    replyId: r.reply_id,
    questionId: r.question_id,
    tag: r.tag as AnswerTag,
    heading: r.heading as ReportHeading,
    quote: Number(r.quote) === 1,
    ...(r.excerpt !== null && r.excerpt !== "" ? { excerpt: r.excerpt } : {}),
    taggedBy: r.tagged_by,
    taggedAt: r.tagged_at,
  };
}

export const tagKey = (replyId: string, questionId: string): string => `${replyId}\u0000${questionId}`;

/** The tags of these replies, keyed by tagKey(replyId, questionId). */
export async function listAnswerTags(
  db: OutriggerDatabase,
  replyIds: readonly string[],
): Promise<Map<string, AnswerTagging>> {
  const out = new Map<string, AnswerTagging>();
  for (let i = 0; i < replyIds.length; i += 500) {
    const rows = await db
      .selectFrom("answer_tags")
      .selectAll()
      .where("reply_id", "in", replyIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(tagKey(r.reply_id, r.question_id), toTagging(r));
  }
  return out;
}

export async function upsertAnswerTag(
  db: OutriggerDatabase,
  t: {
    replyId: string;
    questionId: string;
    tag: AnswerTag;
    heading: ReportHeading;
    quote: boolean;
    excerpt: string | null;
    taggedBy: string;
    taggedAt: string;
  },
): Promise<AnswerTagging> {
  const values = {
    tag: t.tag,
    heading: t.heading,
    quote: t.quote ? 1 : 0,
    excerpt: t.excerpt,
    tagged_by: t.taggedBy,
    tagged_at: t.taggedAt,
  };
  await db
    .insertInto("answer_tags")
    .values({ reply_id: t.replyId, question_id: t.questionId, ...values })
    .onConflict((oc) => oc.columns(["reply_id", "question_id"]).doUpdateSet(values))
    .execute();
  return toTagging({ reply_id: t.replyId, question_id: t.questionId, ...values });
}

/**
 * Tags many answers in one transaction with one tag and heading. Each answer keeps the quote choice and excerpt it
 * shows (given per answer: an answer tagged so far only through an earlier reply brings that reply's over).
 */
export async function upsertAnswerTags(
  db: OutriggerDatabase,
  answers: ReadonlyArray<{ replyId: string; questionId: string; quote: boolean; excerpt: string | null }>,
  t: { tag: AnswerTag; heading: ReportHeading; taggedBy: string; taggedAt: string },
): Promise<void> {
  const common = { tag: t.tag, heading: t.heading, tagged_by: t.taggedBy, tagged_at: t.taggedAt };
  await db.transaction().execute(async (tx) => {
    for (const a of answers) {
      await tx
        .insertInto("answer_tags")
        .values({
          reply_id: a.replyId,
          question_id: a.questionId,
          quote: a.quote ? 1 : 0,
          excerpt: a.excerpt,
          ...common,
        })
        .onConflict((oc) => oc.columns(["reply_id", "question_id"]).doUpdateSet(common))
        .execute();
    }
  });
}

/**
 * Removes the tag of this answer and any made on the same invitation's other replies (a tag follows the
 * respondent, so removing it on the newer reply must not bring an earlier one back). True when one was removed.
 */
export async function deleteAnswerTag(db: OutriggerDatabase, replyId: string, questionId: string): Promise<boolean> {
  const result = await db
    .deleteFrom("answer_tags")
    .where("question_id", "=", questionId)
    .where((eb) =>
      eb.or([
        eb("reply_id", "=", replyId),
        eb(
          "reply_id",
          "in",
          eb
            .selectFrom("replies as same")
            .innerJoin("replies as named", (join) =>
              join
                .onRef("named.campaign_id", "=", "same.campaign_id")
                .onRef("named.invitation_code", "=", "same.invitation_code"),
            )
            .select("same.id")
            .where("named.id", "=", replyId),
        ),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface StoredFeedback {
  campaignId: string;
  title: string;
  message: string;
  tables: number[];
  quoteIds: QuoteId[];
  /** Null while unpublished. */
  publishedAt: string | null;
  publishedBy: string;
  version: number;
}

function parseList<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** What a published feedback row holds, the same in the live row and in every kept version. */
function publishedContent<PublishedAt extends string | null>(r: {
  title: string;
  message: string;
  tables: string;
  quotes: string;
  published_at: PublishedAt;
  published_by: string;
}) {
  return {
    title: r.title,
    message: r.message,
    tables: parseList<number>(r.tables),
    quoteIds: parseList<QuoteId>(r.quotes),
    publishedAt: r.published_at,
    publishedBy: r.published_by,
  };
}

export async function findFeedback(db: OutriggerDatabase, campaignId: string): Promise<StoredFeedback | undefined> {
  const r = await db
    .selectFrom("campaign_feedback")
    .selectAll()
    .where("campaign_id", "=", campaignId)
    .executeTakeFirst();
  if (!r) return undefined;
  return { campaignId: r.campaign_id, ...publishedContent(r), version: Number(r.version) };
}

/** Feedback as the audit log compares it: quotes named by reply and question. */
function auditedFeedback(f: { title: string; message: string; tables: number[]; quoteIds: QuoteId[] }) {
  const quotes = f.quoteIds.map((q) => `${q.replyId}/${q.questionId}`);
  return { title: f.title, message: f.message, tables: f.tables, quotes };
}

/**
 * Publishes over the version the form was loaded with (0 before the first): version 1 the first time, the previous
 * + 1 after (also after an unpublish). One statement decides (an insert that yields to an existing row, or `UPDATE …
 * WHERE version = ?`), so of two publishes from the same version exactly one lands, with its kept version and audit
 * row; false: published elsewhere since.
 */
export async function publishFeedback(
  db: OutriggerDatabase,
  f: { campaignId: string; title: string; message: string; tables: number[]; quoteIds: QuoteId[] },
  save: { expectedVersion: number; editor: Editor; at: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const values = {
      title: f.title,
      message: f.message,
      tables: JSON.stringify(f.tables),
      quotes: JSON.stringify(f.quoteIds),
      published_at: save.at.toISOString(),
      published_by: save.editor.id,
    };
    const version = save.expectedVersion + 1;
    const landed =
      save.expectedVersion === 0
        ? (
            await tx
              .insertInto("campaign_feedback")
              .values({ campaign_id: f.campaignId, ...values, version })
              .onConflict((oc) => oc.column("campaign_id").doNothing())
              .executeTakeFirst()
          ).numInsertedOrUpdatedRows
        : (
            await tx
              .updateTable("campaign_feedback")
              .set({ ...values, version })
              .where("campaign_id", "=", f.campaignId)
              .where("version", "=", save.expectedVersion)
              .executeTakeFirst()
          ).numUpdatedRows;
    if (Number(landed ?? 0) === 0) return false;
    const before = await tx
      .selectFrom("feedback_versions")
      .select(["title", "message", "tables", "quotes", "published_at", "published_by"])
      .where("campaign_id", "=", f.campaignId)
      .where("version", "=", save.expectedVersion)
      .executeTakeFirst();
    await tx
      .insertInto("feedback_versions")
      .values({ campaign_id: f.campaignId, ...values, version })
      .execute();
    await recordAudit(tx, {
      editor: save.editor,
      at: save.at,
      action: before ? "update" : "create",
      entityType: "feedback",
      entityId: f.campaignId,
      before: before && auditedFeedback({ ...before, ...publishedContent(before) }),
      after: auditedFeedback(f),
    });
    return true;
  });
}

export interface StoredFeedbackVersion {
  version: number;
  title: string;
  message: string;
  tables: number[];
  quoteIds: QuoteId[];
  publishedAt: string;
  publishedBy: string;
  /** The organiser's name, when the account still exists. */
  publishedByName: string | null;
}

/** Every version ever published for the campaign, newest first. */
export async function listFeedbackVersions(
  db: OutriggerDatabase,
  campaignId: string,
): Promise<StoredFeedbackVersion[]> {
  const rows = await db
    .selectFrom("feedback_versions")
    .leftJoin("organisers", "organisers.id", "feedback_versions.published_by")
    .selectAll("feedback_versions")
    .select("organisers.name as organiser_name")
    .where("feedback_versions.campaign_id", "=", campaignId)
    .orderBy("feedback_versions.version", "desc")
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    ...publishedContent(r),
    publishedByName: r.organiser_name ?? null,
  }));
}

/** True when published feedback was withdrawn (and the withdrawal audited). */
export async function unpublishFeedback(
  db: OutriggerDatabase,
  campaignId: string,
  change: { editor: Editor; at: Date },
): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable("campaign_feedback")
      .set({ published_at: null })
      .where("campaign_id", "=", campaignId)
      .where("published_at", "is not", null)
      .executeTakeFirst();
    return auditIfLanded(tx, result, { ...change, action: "delete", entityType: "feedback", entityId: campaignId });
  });
}
