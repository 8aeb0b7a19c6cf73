// Curation read-side: the year's free-text answers with their tags, the picked quotes by heading, and the
// feedback a campaign's participants see (chosen report tables as rows, chosen quotes).
import { createHash } from "node:crypto";
import { isAnswered } from "../../shared/answers";
import {
  REPORT_HEADINGS,
  REPORT_HEADING_LABELS,
  type AnswerTagging,
  type FeedbackQuote,
  type FeedbackTable,
  type FreeTextAnswer,
  type FreeTextAnswerList,
  type ParticipantFeedback,
  type QuoteId,
  type ReportQuote,
  type ReportQuotes,
} from "../../shared/feedback";
import { allQuestions, type QuestionnaireDefinition } from "../../shared/questionnaire";
import { listAnswerTags, tagKey, type StoredFeedback } from "../db/curation";
import type { OutriggerDatabase } from "../db/database";
import { listAdministrations } from "../db/directory";
import { findQuestionnaire } from "../db/questionnaires";
import { REPORT_TABLES, tableToRows } from "./exports";
import { buildReport, loadYearData, type StoredYearReply, type YearData } from "./reportData";

/** Free-text questions a respondent writes in: short and long text, not the ones about the respondent (pre-filled). */
function freeTextQuestions(definition: QuestionnaireDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of allQuestions(definition)) {
    if ((q.type === "long_text" || q.type === "short_text") && q.prefillFrom === undefined) out.set(q.id, q.label);
  }
  return out;
}

async function questionnairesOf(
  db: OutriggerDatabase,
  replies: readonly StoredYearReply[],
): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const r of replies) {
    const key = `${r.questionnaireId}@${r.questionnaireVersion}`;
    if (out.has(key)) continue;
    const definition = await findQuestionnaire(db, r.questionnaireId, r.questionnaireVersion);
    out.set(key, definition ? freeTextQuestions(definition) : new Map());
  }
  return out;
}

interface YearAnswer {
  reply: StoredYearReply;
  questionId: string;
  questionLabel: string;
  text: string;
}

/** Every non-empty free-text answer of the year's counted replies, in reply order then questionnaire order. */
async function yearAnswers(db: OutriggerDatabase, data: YearData): Promise<YearAnswer[]> {
  const counted = data.storedReplies.filter((r) => r.counted);
  const questions = await questionnairesOf(db, counted);
  const out: YearAnswer[] = [];
  for (const reply of counted) {
    for (const [questionId, questionLabel] of questions.get(`${reply.questionnaireId}@${reply.questionnaireVersion}`) ??
      []) {
      const value = reply.answers[questionId];
      if (typeof value === "string" && isAnswered(value))
        out.push({ reply, questionId, questionLabel, text: value.trim() });
    }
  }
  return out;
}

/** The free-text answer of one reply to one question, when it has one (for tagging). */
export async function findFreeTextAnswer(
  db: OutriggerDatabase,
  replyId: string,
  questionId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("replies")
    .select(["questionnaire_id", "questionnaire_version", "answers"])
    .where("id", "=", replyId)
    .executeTakeFirst();
  if (!row) return undefined;
  const definition = await findQuestionnaire(db, row.questionnaire_id, Number(row.questionnaire_version));
  if (!definition || !freeTextQuestions(definition).has(questionId)) return undefined;
  try {
    const answers = JSON.parse(row.answers) as Record<string, unknown>;
    const value = answers[questionId];
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}

export async function freeTextAnswers(
  db: OutriggerDatabase,
  fiscalYear: string,
  question?: string,
): Promise<FreeTextAnswerList> {
  const data = await loadYearData(db, fiscalYear);
  const titles = new Map(data.workshops.map((w) => [w.id, w.title]));
  const all = (await yearAnswers(db, data)).filter((a) => question === undefined || a.questionId === question);
  const tags = await listAnswerTags(db, [...new Set(all.map((a) => a.reply.id))]);
  const answers: FreeTextAnswer[] = all.map((a) => {
    const t = tags.get(tagKey(a.reply.id, a.questionId));
    return {
      replyId: a.reply.id,
      questionId: a.questionId,
      questionLabel: a.questionLabel,
      text: a.text,
      administrationCode: a.reply.administrationCode,
      workshopId: a.reply.workshopId,
      workshopTitle: titles.get(a.reply.workshopId) ?? "",
      ...(t
        ? { tag: t.tag, heading: t.heading, quote: t.quote, ...(t.excerpt !== undefined ? { excerpt: t.excerpt } : {}) }
        : {}),
    };
  });
  return { fiscalYear, answers };
}

interface PickedQuote extends ReportQuote {
  heading: AnswerTagging["heading"];
}

/** Picked quotes (tag with quote=true) of the year's counted replies, keyed by tagKey. */
async function pickedQuotes(db: OutriggerDatabase, data: YearData): Promise<Map<string, PickedQuote>> {
  const titles = new Map(data.workshops.map((w) => [w.id, w.title]));
  const names = new Map((await listAdministrations(db)).map((a) => [a.code, a.name]));
  const answers = await yearAnswers(db, data);
  const tags = await listAnswerTags(db, [...new Set(answers.map((a) => a.reply.id))]);
  const out = new Map<string, PickedQuote>();
  for (const a of answers) {
    const key = tagKey(a.reply.id, a.questionId);
    const t = tags.get(key);
    if (!t || !t.quote) continue;
    const code = a.reply.administrationCode;
    out.set(key, {
      replyId: a.reply.id,
      questionId: a.questionId,
      tag: t.tag,
      heading: t.heading,
      text: t.excerpt ?? a.text,
      administration: { code, name: names.get(code) ?? code },
      workshop: { id: a.reply.workshopId, title: titles.get(a.reply.workshopId) ?? "" },
    });
  }
  return out;
}

export async function reportQuotesOf(db: OutriggerDatabase, fiscalYear: string): Promise<ReportQuotes> {
  const picked = [...(await pickedQuotes(db, await loadYearData(db, fiscalYear))).values()];
  const headings = REPORT_HEADINGS.map((heading) => ({
    heading,
    label: REPORT_HEADING_LABELS[heading],
    quotes: picked.filter((q) => q.heading === heading).map(({ heading: _h, ...q }) => q),
  })).filter((h) => h.quotes.length > 0);
  return { fiscalYear, headings };
}

/** The quote ids that are not picked quotes of the year's counted replies. */
export async function unknownQuotes(
  db: OutriggerDatabase,
  fiscalYear: string,
  ids: readonly QuoteId[],
): Promise<number[]> {
  const picked = await pickedQuotes(db, await loadYearData(db, fiscalYear));
  return ids.flatMap((q, i) => (picked.has(tagKey(q.replyId, q.questionId)) ? [] : [i]));
}

/** What the campaign's participants see: computed now from the report and the curation. */
export async function participantFeedbackOf(
  db: OutriggerDatabase,
  feedback: StoredFeedback & { publishedAt: string },
  workshop: { title: string; fiscalYear: string },
): Promise<ParticipantFeedback> {
  const chosen = new Set(feedback.tables);
  const { report } = await buildReport(db, workshop.fiscalYear);
  const tables: FeedbackTable[] = REPORT_TABLES.filter((t) => chosen.has(t.number)).map((t) => ({
    number: t.number,
    title: t.title,
    rows: tableToRows(report.tables[t.key] as Parameters<typeof tableToRows>[0]).map((row) =>
      row.map((cell) => (cell === undefined ? null : cell)),
    ),
  }));
  const picked = await pickedQuotes(db, await loadYearData(db, workshop.fiscalYear));
  // A quote unpicked or untagged since publishing drops out.
  const quotes: FeedbackQuote[] = feedback.quoteIds.flatMap((id) => {
    const q = picked.get(tagKey(id.replyId, id.questionId));
    return q
      ? [{ heading: q.heading, text: q.text, administration: q.administration.name, workshop: q.workshop.title }]
      : [];
  });
  return {
    campaignId: feedback.campaignId,
    workshopTitle: workshop.title,
    title: feedback.title,
    message: feedback.message,
    publishedAt: feedback.publishedAt,
    version: feedback.version,
    tables,
    quotes,
  };
}

/** Strong ETag: the version, plus a digest of the content (the tables are live, so they can change between versions). */
export function feedbackEtag(feedback: ParticipantFeedback): string {
  const digest = createHash("sha256").update(JSON.stringify(feedback)).digest("base64url").slice(0, 16);
  return `"v${feedback.version}-${digest}"`;
}
