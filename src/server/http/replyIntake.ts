// Decides, for each reply of a batch independently, whether it is stored, already stored, in conflict or rejected.
import { randomUUID } from "node:crypto";
import type { FieldIssue, ReplyResult } from "../../shared/api";
import { validateAnswers } from "../../shared/answerValidation";
import { campaignAcceptsReplies, type Campaign } from "../../shared/campaign";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import type { Reply, ReplyReceipt } from "../../shared/reply";
import { parseReply } from "../../shared/replyParse";
import type { OutriggerDatabase } from "../db/database";
import type { Invitation } from "../db/invitations";
import { referenceData } from "../db/referenceCache";
import { replyStore } from "../db/replyCommits";
import { findStoredReplies, type StoredReplyFingerprint } from "../db/replies";
import type { NewReplyRow } from "../db/schema";
import { replyContentHash } from "./replyHash";
import { fieldIssuesFromZod } from "./zodIssues";

export { replyContentHash };

/** Questionnaire versions never change once stored, so they can be kept for the life of the process. */
export type QuestionnaireCache = Map<string, Promise<QuestionnaireDefinition | undefined>>;

export interface IntakeDeps {
  db: OutriggerDatabase;
  now: () => Date;
  /** A cache of the caller's own; by default the database's reference cache (db/referenceCache.ts) keeps them. */
  questionnaires?: QuestionnaireCache;
  /** The invitation a reply names; limited per source by the route (invitationLookup.ts), which may refuse the request. */
  findInvitation: (code: string) => Promise<Invitation | undefined>;
}

export function rejected(id: string, code: string, message: string, details?: FieldIssue[]): ReplyResult {
  return {
    id,
    outcome: "rejected",
    status: 422,
    error: details && details.length > 0 ? { code, message, details } : { code, message },
  };
}

function fromStored(id: string, stored: StoredReplyFingerprint, contentHash: string): ReplyResult {
  if (stored.contentHash === contentHash)
    return { id, outcome: "already_stored", status: 200, receipt: stored.receipt };
  return {
    id,
    outcome: "conflict",
    status: 409,
    error: {
      code: "reply_conflict",
      message: "A different reply with the same id is already stored. The stored reply was kept.",
    },
  };
}

/** The row a validated reply is stored as, with the receipt the phone will be given. */
export function replyRow(reply: Reply, contentHash: string, receipt: ReplyReceipt): NewReplyRow {
  return {
    id: reply.id,
    campaign_id: reply.campaignId,
    invitation_code: reply.invitationCode,
    questionnaire_id: reply.questionnaireId,
    questionnaire_version: reply.questionnaireVersion,
    answers: JSON.stringify(reply.answers),
    started_at: reply.startedAt,
    submitted_at: reply.submittedAt,
    app_version: reply.appVersion,
    content_hash: contentHash,
    receipt_id: receipt.receiptId,
    received_at: receipt.receivedAt,
  };
}

export function idOf(item: unknown): string {
  if (item !== null && typeof item === "object" && typeof (item as { id?: unknown }).id === "string")
    return (item as { id: string }).id;
  return "";
}

/** Memoises one lookup per key for the length of a request. */
function perRequest<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    let found = seen.get(key);
    if (!found) seen.set(key, (found = load(key)));
    return found;
  };
}

interface Candidate {
  index: number;
  reply: Reply;
  contentHash: string;
}

export async function takeReplies(
  items: readonly unknown[],
  { db, now, questionnaires, findInvitation }: IntakeDeps,
): Promise<ReplyResult[]> {
  const results: ReplyResult[] = new Array(items.length);
  const receivedAt = now();
  const candidates: Candidate[] = [];
  const seenIds = new Set<string>();

  items.forEach((item, index) => {
    const parsed = parseReply(item);
    if (!parsed.success) {
      results[index] = rejected(
        idOf(item),
        "invalid_reply",
        "This reply is not in the expected form.",
        fieldIssuesFromZod(parsed.error.issues, item),
      );
      return;
    }
    if (seenIds.has(parsed.data.id)) {
      results[index] = rejected(
        parsed.data.id,
        "duplicate_in_batch",
        "This reply appears twice in the same batch; only its first copy was considered.",
      );
      return;
    }
    seenIds.add(parsed.data.id);
    candidates.push({ index, reply: parsed.data, contentHash: replyContentHash(parsed.data) });
  });

  // A reply stored before (its response lost on the way) gets its original receipt, even if the campaign has closed since.
  const stored = await findStoredReplies(
    db,
    candidates.map((c) => c.reply.id),
  );
  // Each campaign, invitation and the code list asked once per batch; across batches the reference cache answers.
  const reference = referenceData(db);
  const campaignById = perRequest((id) => reference.campaign(id));
  const invitationByCode = perRequest(findInvitation);
  let administrationCodes: Promise<string[]> | undefined;
  const questionnaire = (c: Campaign) => {
    if (!questionnaires) return reference.questionnaire(c.questionnaireId, c.questionnaireVersion);
    const key = `${c.questionnaireId}@${c.questionnaireVersion}`;
    let found = questionnaires.get(key);
    if (!found) {
      found = reference.questionnaire(c.questionnaireId, c.questionnaireVersion);
      questionnaires.set(key, found);
      found.then(
        (d) => d ?? questionnaires.delete(key),
        () => questionnaires.delete(key),
      );
    }
    return found;
  };

  const toWrite: { candidate: Candidate; row: NewReplyRow; receipt: ReplyReceipt }[] = [];
  for (const candidate of candidates) {
    const { reply, index, contentHash } = candidate;
    const before = stored.get(reply.id);
    if (before) {
      results[index] = fromStored(reply.id, before, contentHash);
      continue;
    }
    const problem = await checkReply(reply, {
      campaign: await campaignById(reply.campaignId),
      invitation: await invitationByCode(reply.invitationCode),
      questionnaire,
      administrationCodes: () => (administrationCodes ??= reference.administrationCodes()),
      now: receivedAt,
    });
    if (problem) {
      results[index] = problem;
      continue;
    }
    const receipt: ReplyReceipt = { receiptId: randomUUID(), receivedAt: receivedAt.toISOString() };
    toWrite.push({
      candidate,
      receipt,
      row: replyRow(reply, contentHash, receipt),
    });
  }

  const { written, refused } = await replyStore(db)(toWrite.map((w) => w.row));
  // Ids neither written nor refused were inserted by a concurrent request between our look-up and our insert.
  const raced = toWrite.filter((w) => !written.has(w.row.id) && !refused.has(w.row.id));
  const storedMeanwhile =
    raced.length > 0
      ? await findStoredReplies(
          db,
          raced.map((w) => w.row.id),
        )
      : new Map<string, StoredReplyFingerprint>();
  for (const { candidate, receipt, row } of toWrite) {
    const other = storedMeanwhile.get(row.id);
    if (written.has(row.id)) results[candidate.index] = { id: row.id, outcome: "stored", status: 201, receipt };
    else if (refused.has(row.id)) {
      results[candidate.index] = rejected(
        row.id,
        "storage_refused",
        "The server's database could not store this reply as it is. Please contact the organiser.",
      );
    } else if (other) results[candidate.index] = fromStored(row.id, other, candidate.contentHash);
    else throw new Error(`Reply ${row.id} was neither written nor found`);
  }
  return results;
}

interface ReplyContext {
  campaign: Campaign | undefined;
  invitation: Invitation | undefined;
  questionnaire: (c: Campaign) => Promise<QuestionnaireDefinition | undefined>;
  administrationCodes: () => Promise<string[]>;
  now: Date;
}

async function checkReply(reply: Reply, context: ReplyContext): Promise<ReplyResult | undefined> {
  const { campaign, invitation } = context;
  if (!campaign)
    return rejected(
      reply.id,
      "unknown_campaign",
      "The questionnaire this reply belongs to is not known to the server.",
    );
  if (!invitation || invitation.campaignId !== campaign.id) {
    return rejected(
      reply.id,
      "unknown_invitation",
      "The invitation code of this reply does not belong to this questionnaire.",
    );
  }
  const acceptance = campaignAcceptsReplies(campaign, context.now);
  if (!acceptance.accepted) return rejected(reply.id, acceptance.code, acceptance.message);
  if (invitation.archivedAt !== undefined)
    return rejected(
      reply.id,
      "invitation_archived",
      "This invitation belongs to data the organiser has archived, so it no longer takes replies.",
    );
  if (invitation.withdrawnAt !== undefined)
    return rejected(
      reply.id,
      "invitation_withdrawn",
      "The organiser has withdrawn your invitation to this questionnaire, so it no longer takes your replies.",
    );
  if (
    reply.questionnaireId !== campaign.questionnaireId ||
    reply.questionnaireVersion !== campaign.questionnaireVersion
  ) {
    return rejected(
      reply.id,
      "wrong_questionnaire_version",
      "This reply was made for a different version of the questionnaire than the one being collected.",
    );
  }
  const definition = await context.questionnaire(campaign);
  if (!definition)
    throw new Error(
      `Campaign ${campaign.id} uses questionnaire ${campaign.questionnaireId} v${campaign.questionnaireVersion}, which is not stored`,
    );
  const issues = validateAnswers(definition, reply.answers, {
    lists: { administrations: await context.administrationCodes() },
  });
  if (issues.length > 0) {
    return rejected(
      reply.id,
      "invalid_answers",
      "Some answers need attention before this reply can be taken.",
      issues.map((i) => ({ path: `answers.${i.question}`, code: i.code, message: i.message })),
    );
  }
  return undefined;
}
