// One stored reply as the console reads it in full (GET /api/console/replies/:replyId): the answers with the
// questionnaire version they were given to, who sent it, whether it counts, its attachments and curation tags.
import * as z from "zod/mini";
import { answers } from "./answers";
import { consoleAttachment } from "./attachments";
import { administration } from "./directory";
import { answerTagging } from "./feedback";
import { questionnaireDefinition } from "./questionnaire";

/** Why a stored reply is left out of the counts; null when it counts. */
export const replyExclusion = z.nullable(z.enum(["superseded", "invitation_withdrawn", "archived"]));
export type ReplyExclusion = z.infer<typeof replyExclusion>;

export const replyDetail = z.object({
  id: z.string(),
  invitationCode: z.string(),
  startedAt: z.string(),
  submittedAt: z.string(),
  receivedAt: z.string(),
  appVersion: z.string(),
  respondent: z.object({
    name: z.nullable(z.string()),
    email: z.nullable(z.string()),
    administrationCode: z.nullable(z.string()),
    position: z.nullable(z.string()),
  }),
  workshop: z.object({ id: z.string(), title: z.string(), fiscalYear: z.string() }),
  campaign: z.object({ id: z.string(), status: z.string() }),
  /** True for the reply that counts: the latest one received from its invitation, while it stands. */
  counts: z.boolean(),
  excludedBecause: replyExclusion,
  /** The later reply from the same invitation that counts instead (when superseded). */
  supersededBy: z.nullable(z.string()),
  /** The version the reply was given to, whatever the campaign uses now. */
  questionnaire: questionnaireDefinition,
  answers,
  /** To name an administration chosen from the list. */
  administrations: z.array(administration),
  attachments: z.array(consoleAttachment),
  tags: z.array(answerTagging),
});
export type ReplyDetail = z.infer<typeof replyDetail>;
