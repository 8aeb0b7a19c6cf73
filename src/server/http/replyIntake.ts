// Decides, for each reply of a batch independently, whether it is stored, already stored, in conflict or rejected.
import { randomUUID } from "node:crypto";
import type { ReplyResult } from "../../shared/api";
import type { Campaign } from "../../shared/campaign";
import type { Reply, ReplyReceipt } from "../../shared/reply";
import { parseReply } from "../../shared/replyParse";
import type { ReplyRefusalCode } from "../../shared/replyRefusalCodes";
import type { OutriggerDatabase } from "../db/database";
import type { Invitation } from "../db/invitations";
import { referenceData } from "../db/referenceCache";
import { replyStore } from "../db/replyCommits";
import { findStoredReplies, type StoredReplyFingerprint } from "../db/replies";
import type { NewReplyRow } from "../db/schema";
import { checkReply, rejected } from "./replyChecks";
import { replyContentHash } from "./replyHash";
import { fieldIssuesFromZod } from "./zodIssues";

export { rejected, replyContentHash };

export interface IntakeDeps {
  db: OutriggerDatabase;
  now: () => Date;
  /** The invitation a reply names; limited per source by the route (invitationLookup.ts), which may refuse the request. */
  findInvitation: (code: string) => Promise<Invitation | undefined>;
  /**
   * The invitation from memory, with no query and nothing counted against the source, while its source is within the
   * guess limit; undefined when it cannot answer so (not in memory, or the source is past the limit). When it answers
   * for every reply of a batch, the batch is checked before stored replies are looked up (see takeReplies).
   */
  rememberedInvitation?: (code: string) => Promise<Invitation | undefined>;
}

function fromStored(id: string, stored: StoredReplyFingerprint, contentHash: string): ReplyResult {
  if (stored.contentHash === contentHash)
    return { id, outcome: "already_stored", status: 200, receipt: stored.receipt };
  return {
    id,
    outcome: "conflict",
    status: 409,
    error: {
      code: "reply_conflict" satisfies ReplyRefusalCode,
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

/** What the checks of a batch read: each campaign, invitation and the code list asked once per batch; across batches the reference cache answers. */
function batchLookups(
  { db }: IntakeDeps,
  findInvitation: (code: string) => Promise<Invitation | undefined>,
  now: Date,
) {
  const reference = referenceData(db);
  const campaignById = perRequest((id) => reference.campaign(id));
  const invitationByCode = perRequest(findInvitation);
  let administrationCodes: Promise<string[]> | undefined;
  // Versions never change once stored: the database's reference cache (db/referenceCache.ts) keeps them.
  const questionnaire = (c: Campaign) => reference.questionnaire(c.questionnaireId, c.questionnaireVersion);
  return async (reply: Reply) =>
    checkReply(reply, {
      campaign: await campaignById(reply.campaignId),
      invitation: await invitationByCode(reply.invitationCode),
      questionnaire,
      administrationCodes: () => (administrationCodes ??= reference.administrationCodes()),
      now,
    });
}

interface ToWrite {
  candidate: Candidate;
  row: NewReplyRow;
  receipt: ReplyReceipt;
}

function toWriteFor(candidate: Candidate, receivedAt: Date): ToWrite {
  const receipt: ReplyReceipt = { receiptId: randomUUID(), receivedAt: receivedAt.toISOString() };
  return { candidate, receipt, row: replyRow(candidate.reply, candidate.contentHash, receipt) };
}

/**
 * The usual batch: new replies whose invitations the server remembers. Each reply is checked first and the accepted
 * ones inserted at once, with no query for stored replies before: the insert skips an id already there, and only the
 * ids it did not write, and the replies the checks refused, are looked up afterwards, so a reply stored before still
 * gets its own receipt (even if its campaign has closed since), as the classic order gives it. Undefined, with nothing
 * counted and nothing written, when an invitation is not remembered or its source is past the limit: then the classic
 * order decides, which never looks up the invitation of a reply already stored.
 */
async function checkedBeforeLookingUp(
  candidates: readonly Candidate[],
  results: ReplyResult[],
  deps: IntakeDeps,
  rememberedInvitation: (code: string) => Promise<Invitation | undefined>,
  receivedAt: Date,
): Promise<ReplyResult[] | undefined> {
  const remembered = new Map<string, Invitation>();
  for (const { reply } of candidates) {
    if (remembered.has(reply.invitationCode)) continue;
    // One at a time: none is left running (or failing unheard) when an earlier one sends the batch the classic way.
    const invitation = await rememberedInvitation(reply.invitationCode);
    if (!invitation) return undefined;
    remembered.set(reply.invitationCode, invitation);
  }
  const check = batchLookups(deps, (code) => Promise.resolve(remembered.get(code)), receivedAt);
  const refusedByChecks = new Map<Candidate, ReplyResult>();
  const toWrite: ToWrite[] = [];
  for (const candidate of candidates) {
    const problem = await check(candidate.reply);
    if (problem) refusedByChecks.set(candidate, problem);
    else toWrite.push(toWriteFor(candidate, receivedAt));
  }
  const { written, refused } = await replyStore(deps.db)(toWrite.map((w) => w.row));
  const notWritten = toWrite.filter((w) => !written.has(w.row.id));
  const stored = await findStoredReplies(deps.db, [
    ...[...refusedByChecks.keys()].map((c) => c.reply.id),
    ...notWritten.map((w) => w.row.id),
  ]);
  for (const [candidate, problem] of refusedByChecks) {
    const before = stored.get(candidate.reply.id);
    results[candidate.index] = before ? fromStored(candidate.reply.id, before, candidate.contentHash) : problem;
  }
  answerWritten(toWrite, written, refused, stored, results);
  return results;
}

/** Each written reply's result: stored, or what is stored under its id, or refused by the database. */
function answerWritten(
  toWrite: readonly ToWrite[],
  written: ReadonlySet<string>,
  refused: ReadonlyMap<string, string>,
  storedMeanwhile: ReadonlyMap<string, StoredReplyFingerprint>,
  results: ReplyResult[],
): void {
  for (const { candidate, receipt, row } of toWrite) {
    const other = storedMeanwhile.get(row.id);
    if (written.has(row.id)) results[candidate.index] = { id: row.id, outcome: "stored", status: 201, receipt };
    else if (other) results[candidate.index] = fromStored(row.id, other, candidate.contentHash);
    else if (refused.has(row.id)) {
      results[candidate.index] = rejected(
        row.id,
        "storage_refused",
        "The server's database could not store this reply as it is. Please contact the organiser.",
      );
    } else throw new Error(`Reply ${row.id} was neither written nor found`);
  }
}

export async function takeReplies(items: readonly unknown[], deps: IntakeDeps): Promise<ReplyResult[]> {
  const results: ReplyResult[] = new Array(items.length);
  const receivedAt = deps.now();
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

  if (deps.rememberedInvitation && candidates.length > 0) {
    const checked = await checkedBeforeLookingUp(candidates, results, deps, deps.rememberedInvitation, receivedAt);
    if (checked) return checked;
  }

  // A reply stored before (its response lost on the way) gets its original receipt, even if the campaign has closed since.
  const stored = await findStoredReplies(
    deps.db,
    candidates.map((c) => c.reply.id),
  );
  const check = batchLookups(deps, deps.findInvitation, receivedAt);
  const toWrite: ToWrite[] = [];
  for (const candidate of candidates) {
    const before = stored.get(candidate.reply.id);
    if (before) {
      results[candidate.index] = fromStored(candidate.reply.id, before, candidate.contentHash);
      continue;
    }
    const problem = await check(candidate.reply);
    if (problem) results[candidate.index] = problem;
    else toWrite.push(toWriteFor(candidate, receivedAt));
  }

  const { written, refused } = await replyStore(deps.db)(toWrite.map((w) => w.row));
  // Ids neither written nor refused were inserted by a concurrent request between our look-up and our insert.
  const raced = toWrite.filter((w) => !written.has(w.row.id) && !refused.has(w.row.id));
  const storedMeanwhile =
    raced.length > 0
      ? await findStoredReplies(
          deps.db,
          raced.map((w) => w.row.id),
        )
      : new Map<string, StoredReplyFingerprint>();
  answerWritten(toWrite, written, refused, storedMeanwhile, results);
  return results;
}
