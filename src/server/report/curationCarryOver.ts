// Curation follows the respondent: a tag made on one reply of an invitation still applies when the same
// invitation sends a newer reply, carried over when the quoted words are still there, flagged for review when not.
import { writtenText } from "../../shared/answers";
import { excerptIsInAnswer, squeezeSpaces } from "../../shared/curation";
import type { AnswerTagging } from "../../shared/feedback";
import { listAnswerTags, tagKey } from "../db/curation";
import type { OutriggerDatabase } from "../db/database";
import type { StoredYearReply, YearData } from "./reportData";

/** The tag an answer of a counted reply shows, and where it came from when it was made on an earlier reply. */
export interface ResolvedTag {
  tagging: AnswerTagging;
  /** Set when the tag was made on an earlier reply of the same invitation. */
  carried?: {
    fromReplyId: string;
    /** The earlier reply's answer, as the organiser saw it when tagging. */
    previousText: string;
    /** True when the quoted words (the excerpt, or the whole earlier answer) are not in the newer answer. */
    needsReview: boolean;
  };
}

const answerText = (reply: StoredYearReply, questionId: string): string => writtenText(reply.answers[questionId]);

/** Whether what was quoted from the earlier answer can still be read, word for word, in the newer one. */
function quoteStillThere(tagging: AnswerTagging, previousText: string, newerText: string): boolean {
  if (newerText === "") return false;
  if (tagging.excerpt !== undefined) return excerptIsInAnswer(tagging.excerpt, newerText);
  return squeezeSpaces(newerText) === squeezeSpaces(previousText);
}

export interface CurationView {
  /** Resolved tags keyed by tagKey(countedReplyId, questionId). */
  tags: Map<string, ResolvedTag>;
  /** Every stored reply id of the year mapped to the counted reply of its invitation (itself when counted). */
  countedReplyOf: Map<string, string>;
}

/**
 * Tags of the year's counted replies: a reply's own tag when it has one; otherwise the latest tag made on an
 * earlier reply of the same invitation, carried over (or flagged for review when its words are gone).
 */
export async function curationView(db: OutriggerDatabase, data: YearData): Promise<CurationView> {
  const countedByInvitation = new Map<string, StoredYearReply>();
  for (const r of data.storedReplies) if (r.counted) countedByInvitation.set(r.invitationCode, r);
  const countedReplyOf = new Map<string, string>();
  for (const r of data.storedReplies) {
    const counted = countedByInvitation.get(r.invitationCode);
    if (counted) countedReplyOf.set(r.id, counted.id);
  }
  const byId = new Map(data.storedReplies.map((r) => [r.id, r]));
  const stored = await listAnswerTags(db, [...byId.keys()]);
  const tags = new Map<string, ResolvedTag>();
  for (const tagging of stored.values()) {
    const source = byId.get(tagging.replyId);
    const counted = source && countedByInvitation.get(source.invitationCode);
    if (!source || !counted) continue;
    const key = tagKey(counted.id, tagging.questionId);
    if (source.id === counted.id) {
      tags.set(key, { tagging });
      continue;
    }
    if (stored.has(key)) continue; // the newer reply has its own tag: that one wins
    const existing = tags.get(key);
    if (existing && existing.tagging.taggedAt >= tagging.taggedAt) continue;
    const previousText = answerText(source, tagging.questionId);
    tags.set(key, {
      tagging,
      carried: {
        fromReplyId: source.id,
        previousText,
        needsReview: !quoteStillThere(tagging, previousText, answerText(counted, tagging.questionId)),
      },
    });
  }
  return { tags, countedReplyOf };
}
