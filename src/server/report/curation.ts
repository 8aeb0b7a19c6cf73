// Curation read-side: the year's free-text answers with their tags, the picked quotes by heading, and the
// feedback a campaign's participants see (chosen report tables as rows, chosen quotes).
import { createHash } from "node:crypto";
import { writtenText, type Answers } from "../../shared/answers";
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
import { tagKey, type StoredFeedback } from "../db/curation";
import type { OutriggerDatabase } from "../db/database";
import { listAdministrations } from "../db/directory";
import { findQuestionnaire } from "../db/questionnaires";
import { curationView, type ResolvedTag } from "./curationCarryOver";
import { REPORT_TABLES, tableToRows } from "./exports";
import { buildReport, loadYearData, type StoredYearReply, type YearData } from "./reportData";

/**
 * Questions a respondent writes in, with the label the organiser sees: short and long text (not the ones about the
 * respondent, pre-filled), and multiple choice with an "other — please specify" option (its text is the answer).
 */
function freeTextQuestions(definition: QuestionnaireDefinition): Map<string, string> {
  const out = new Map<string, string>();
  for (const q of allQuestions(definition)) {
    if ((q.type === "long_text" || q.type === "short_text") && q.prefillFrom === undefined) out.set(q.id, q.label);
    if (q.type === "multiple_choice") {
      const specified = q.options.filter((o) => o.specify === true).map((o) => o.label);
      if (specified.length > 0) out.set(q.id, `${q.label} — ${specified.join(" / ")} (please specify)`);
    }
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

interface CuratedAnswer extends YearAnswer {
  resolved?: ResolvedTag;
}

/**
 * Every non-empty free-text answer of the year's counted replies, in reply order then questionnaire order, with
 * its tag (own or carried over from an earlier reply of the invitation). A tag carried to a newer reply that left
 * the question blank keeps its place with an empty text, so it is flagged rather than lost.
 */
async function curatedAnswers(
  db: OutriggerDatabase,
  data: YearData,
): Promise<{ answers: CuratedAnswer[]; countedReplyOf: Map<string, string> }> {
  const counted = data.storedReplies.filter((r) => r.counted);
  const questions = await questionnairesOf(db, counted);
  const { tags, countedReplyOf } = await curationView(db, data);
  const answers: CuratedAnswer[] = [];
  for (const reply of counted) {
    for (const [questionId, questionLabel] of questions.get(`${reply.questionnaireId}@${reply.questionnaireVersion}`) ??
      []) {
      const text = writtenText(reply.answers[questionId]);
      const resolved = tags.get(tagKey(reply.id, questionId));
      if (text !== "" || resolved?.carried) answers.push({ reply, questionId, questionLabel, text, resolved });
    }
  }
  return { answers, countedReplyOf };
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
    const answers = JSON.parse(row.answers) as Answers;
    const text = writtenText(answers[questionId]);
    return text === "" ? undefined : text;
  } catch {
    return undefined;
  }
}

/** Which answers the list shows: all by default; narrowed to a workshop, a question, the untagged ones. */
export interface AnswerFilter {
  workshop?: string;
  question?: string;
  untagged?: boolean;
}

export async function freeTextAnswers(
  db: OutriggerDatabase,
  fiscalYear: string,
  filter: AnswerFilter = {},
): Promise<FreeTextAnswerList> {
  const data = await loadYearData(db, fiscalYear);
  const titles = new Map(data.workshops.map((w) => [w.id, w.title]));
  const { answers: all } = await curatedAnswers(db, data);
  const answers: FreeTextAnswer[] = all
    .filter(
      (a) =>
        (filter.workshop === undefined || a.reply.workshopId === filter.workshop) &&
        (filter.question === undefined || a.questionId === filter.question) &&
        (filter.untagged !== true || a.resolved === undefined),
    )
    .map((a) => {
      const t = a.resolved?.tagging;
      const carried = a.resolved?.carried;
      return {
        replyId: a.reply.id,
        questionId: a.questionId,
        questionLabel: a.questionLabel,
        text: a.text,
        administrationCode: a.reply.administrationCode,
        workshopId: a.reply.workshopId,
        workshopTitle: titles.get(a.reply.workshopId) ?? "",
        ...(t
          ? {
              tag: t.tag,
              heading: t.heading,
              quote: t.quote,
              ...(t.excerpt !== undefined ? { excerpt: t.excerpt } : {}),
            }
          : {}),
        ...(carried ? { carriedOver: carried } : {}),
      };
    });
  return { fiscalYear, answers };
}

interface PickedQuote extends ReportQuote {
  heading: AnswerTagging["heading"];
}

interface PickedQuotes {
  /** Keyed by tagKey(countedReplyId, questionId). */
  byKey: Map<string, PickedQuote>;
  /** A quote id named by any reply of the invitation (an earlier one included) finds the counted reply's quote. */
  find(id: QuoteId): PickedQuote | undefined;
}

/**
 * Picked quotes (tag with quote=true) of the year's counted replies. A quote carried over to a newer reply whose
 * words are gone still shows what was picked (the excerpt, or the earlier answer), marked for review.
 */
async function pickedQuotes(db: OutriggerDatabase, data: YearData): Promise<PickedQuotes> {
  const titles = new Map(data.workshops.map((w) => [w.id, w.title]));
  const names = new Map((await listAdministrations(db)).map((a) => [a.code, a.name]));
  const { answers, countedReplyOf } = await curatedAnswers(db, data);
  const byKey = new Map<string, PickedQuote>();
  for (const a of answers) {
    const t = a.resolved?.tagging;
    if (!t || !t.quote) continue;
    const carried = a.resolved?.carried;
    const code = a.reply.administrationCode;
    byKey.set(tagKey(a.reply.id, a.questionId), {
      replyId: a.reply.id,
      questionId: a.questionId,
      tag: t.tag,
      heading: t.heading,
      text: t.excerpt ?? (carried?.needsReview ? carried.previousText : a.text),
      administration: { code, name: names.get(code) ?? code },
      workshop: { id: a.reply.workshopId, title: titles.get(a.reply.workshopId) ?? "" },
      ...(carried?.needsReview ? { needsReview: true } : {}),
    });
  }
  return {
    byKey,
    find: (id) => byKey.get(tagKey(countedReplyOf.get(id.replyId) ?? id.replyId, id.questionId)),
  };
}

export async function reportQuotesOf(db: OutriggerDatabase, fiscalYear: string): Promise<ReportQuotes> {
  const picked = [...(await pickedQuotes(db, await loadYearData(db, fiscalYear))).byKey.values()];
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
  return ids.flatMap((q, i) => (picked.find(q) ? [] : [i]));
}

/** The quote ids as the year's counted replies name them now (an id of an earlier reply becomes the newer reply's). */
export async function currentQuoteIds(
  db: OutriggerDatabase,
  fiscalYear: string,
  ids: readonly QuoteId[],
): Promise<QuoteId[]> {
  const { countedReplyOf } = await curationView(db, await loadYearData(db, fiscalYear));
  return ids.map((q) => ({ replyId: countedReplyOf.get(q.replyId) ?? q.replyId, questionId: q.questionId }));
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
    const q = picked.find(id);
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
