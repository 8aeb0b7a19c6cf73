// Drafts: a reply being written, saved as the participant types, turned into an outbox entry on submit.
import type { InvitationPayload } from "../../shared/api";
import type { AnswerIssue } from "../../shared/answerValidation";
import { validateAnswers } from "../../shared/answerValidation";
import type { AnswerValue } from "../../shared/answers";
import { APP_VERSION } from "../../shared/appVersion";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import { findShippedQuestionnaire } from "../../shared/questionnaires/shippedOnDemand";
import { reply as replySchema, type ReplyInput } from "../../shared/reply";
import { withoutHiddenAnswers } from "../../shared/visibility";
import { saveInvitation } from "./campaigns";
import { db, questionnaireKey, type Draft, type OutboxEntry, type OutriggerDb } from "./db";
import { createBatchWriter, type AnswerChanges, type DraftWriter } from "./draftWriter";
import { startDraft } from "./draftStart";

export type SubmitResult = { ok: true; entry: OutboxEntry } | { ok: false; issues: AnswerIssue[] };

export type { DraftWriter };

/** The questionnaire version a draft is pinned to: the stored copy, or the one shipped with the app. */
export async function loadQuestionnaire(
  id: string,
  version: number,
  database: OutriggerDb = db,
): Promise<QuestionnaireDefinition | undefined> {
  const stored = await database.questionnaires.get(questionnaireKey(id, version));
  return stored?.definition ?? findShippedQuestionnaire(id, version);
}

/** The draft for an invitation, started (pinned to today's questionnaire version, pre-filled) when there is none. */
export async function findOrStartDraft(
  invitationCode: string,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<Draft> {
  return database.transaction("rw", [database.drafts, database.campaigns, database.questionnaires], async () => {
    const existing = await database.drafts.where("invitationCode").equals(invitationCode).first();
    if (existing) return existing;
    const joined = await database.campaigns.get(invitationCode);
    if (!joined) throw new Error(`No joined campaign for invitation ${invitationCode}`);
    const { questionnaireId, questionnaireVersion } = joined.campaign;
    const definition = await loadQuestionnaire(questionnaireId, questionnaireVersion, database);
    if (!definition)
      throw new Error(`Questionnaire ${questionnaireKey(questionnaireId, questionnaireVersion)} is not on this phone`);
    const draft = startDraft(invitationCode, joined, definition, now);
    await database.drafts.add(draft);
    return draft;
  });
}

/**
 * A first visit's join and the draft it started in memory (storeLoader.ts), stored together once Dexie has loaded.
 * A draft already there for the invitation (started meanwhile in another tab) is kept as it is.
 */
export async function storeJoinWithDraft(
  payload: InvitationPayload,
  draft: Draft,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<void> {
  const tables = [database.campaigns, database.workshops, database.questionnaires, database.administrations];
  return database.transaction("rw", [...tables, database.drafts], async () => {
    await saveInvitation(payload, now, database);
    const existing = await database.drafts.where("invitationCode").equals(draft.invitationCode).first();
    if (!existing) await database.drafts.add(draft);
  });
}

/** Server issues point at `answers.<questionId>`; editing that answer makes its issue stale. */
function withoutIssuesFor(draft: Draft, questionIds: Iterable<string>): Draft["serverIssues"] {
  const issues = draft.serverIssues;
  if (!issues?.details) return issues;
  const edited = new Set([...questionIds].flatMap((id) => [id, `answers.${id}`]));
  const details = issues.details.filter((d) => !edited.has(d.path));
  if (details.length === 0) return undefined;
  return { ...issues, details };
}

/** Writes a batch of answers into the draft in one transaction; `undefined` removes an answer. */
export async function saveAnswers(
  draftId: string,
  changes: AnswerChanges,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<void> {
  await database.transaction("rw", database.drafts, async () => {
    const draft = await database.drafts.get(draftId);
    if (!draft) throw new Error(`Draft ${draftId} not found`);
    const answers = { ...draft.answers };
    for (const [questionId, value] of changes) {
      if (value === undefined) delete answers[questionId];
      else answers[questionId] = value;
    }
    const next: Draft = { ...draft, answers, updatedAt: now.toISOString() };
    const serverIssues = withoutIssuesFor(draft, changes.keys());
    if (serverIssues) next.serverIssues = serverIssues;
    else delete next.serverIssues;
    await database.drafts.put(next);
  });
}

/** Writes one answer now; `undefined` removes it. */
export function saveAnswer(
  draftId: string,
  questionId: string,
  value: AnswerValue | undefined,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<void> {
  return saveAnswers(draftId, new Map([[questionId, value]]), now, database);
}

/** A batch writer (draftWriter.ts) into this database. */
export function createDraftWriter(
  draftId: string,
  options: { delayMs?: number; database?: OutriggerDb } = {},
): DraftWriter {
  return createBatchWriter(
    (changes) => saveAnswers(draftId, changes, new Date(), options.database ?? db),
    options.delayMs,
  );
}

export async function setSectionIndex(draftId: string, index: number, database: OutriggerDb = db): Promise<void> {
  const changed = await database.drafts.update(draftId, { sectionIndex: index });
  if (changed === 0 && !(await database.drafts.get(draftId))) throw new Error(`Draft ${draftId} not found`);
}

function schemaIssues(parsed: ReturnType<typeof replySchema.safeParse>): AnswerIssue[] {
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const [first, second] = issue.path;
    const question = first === "answers" && second !== undefined ? String(second) : issue.path.join(".") || "reply";
    return { question, code: "wrong_type" as const, message: issue.message };
  });
}

/**
 * Checks the draft and, only if it is fine, turns it into a waiting outbox entry in one transaction:
 * the reply is never both a draft and queued, and never neither.
 */
export async function submitDraft(
  draftId: string,
  now = new Date(),
  database: OutriggerDb = db,
): Promise<SubmitResult> {
  return database.transaction(
    "rw",
    [database.drafts, database.questionnaires, database.administrations, database.outbox],
    async (): Promise<SubmitResult> => {
      const draft = await database.drafts.get(draftId);
      if (!draft) throw new Error(`Draft ${draftId} not found`);
      const definition = await loadQuestionnaire(draft.questionnaireId, draft.questionnaireVersion, database);
      if (!definition)
        throw new Error(
          `Questionnaire ${questionnaireKey(draft.questionnaireId, draft.questionnaireVersion)} is not on this phone`,
        );
      const codes = (await database.administrations.toCollection().primaryKeys()) as string[];
      const answers = withoutHiddenAnswers(definition, draft.answers);
      const issues = validateAnswers(definition, answers, {
        lists: codes.length > 0 ? { administrations: codes } : {},
      });
      const candidate: ReplyInput = {
        id: draft.id,
        campaignId: draft.campaignId,
        invitationCode: draft.invitationCode,
        questionnaireId: draft.questionnaireId,
        questionnaireVersion: draft.questionnaireVersion,
        answers,
        startedAt: draft.startedAt,
        submittedAt: now.toISOString(),
        appVersion: APP_VERSION,
      };
      // Parsed here, where the draft becomes a reply: the outbox holds only validated ids.
      const parsed = replySchema.safeParse(candidate);
      issues.push(...schemaIssues(parsed));
      if (issues.length > 0 || !parsed.success) return { ok: false, issues };
      const reply = parsed.data;
      const entry: OutboxEntry = { id: reply.id, reply, state: "waiting", queuedAt: now.toISOString(), attempts: 0 };
      await database.drafts.delete(draftId);
      await database.outbox.add(entry);
      return { ok: true, entry };
    },
  );
}

/** The section holding the first answer the server found fault with (0 when it named none this version has). */
function sectionOfFirstIssue(definition: QuestionnaireDefinition | undefined, problem: OutboxEntry["problem"]): number {
  const questionIds = new Set((problem?.details ?? []).map((d) => d.path.replace(/^answers\./, "")));
  const index = definition?.sections.findIndex((s) => s.questions.some((q) => questionIds.has(q.id))) ?? -1;
  return Math.max(0, index);
}

/** Brings a reply the server refused back as a draft (same id, same answers), opened at the section to fix. */
export async function reopenForFix(outboxId: string, now = new Date(), database: OutriggerDb = db): Promise<Draft> {
  return database.transaction("rw", [database.outbox, database.drafts, database.questionnaires], async () => {
    const entry = await database.outbox.get(outboxId);
    if (!entry) throw new Error(`Outbox entry ${outboxId} not found`);
    if (entry.state !== "needs_attention")
      throw new Error(`Only a reply that needs attention can be reopened (this one is ${entry.state})`);
    const { reply } = entry;
    // The same copy the survey screen will show (a shipped version when the phone stored none), so the section opened
    // is the one holding the refused answer.
    const definition = await loadQuestionnaire(reply.questionnaireId, reply.questionnaireVersion, database);
    const draft: Draft = {
      id: reply.id,
      invitationCode: reply.invitationCode,
      campaignId: reply.campaignId,
      questionnaireId: reply.questionnaireId,
      questionnaireVersion: reply.questionnaireVersion,
      answers: reply.answers,
      startedAt: reply.startedAt,
      updatedAt: now.toISOString(),
      sectionIndex: sectionOfFirstIssue(definition, entry.problem),
      ...(entry.problem ? { serverIssues: entry.problem } : {}),
    };
    await database.drafts.put(draft);
    await database.outbox.delete(outboxId);
    return draft;
  });
}
