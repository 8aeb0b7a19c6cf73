// Curation of free-text answers (tags, headings, picked quotes) and the feedback published to participants.
// Wire shapes shared by the server, the console and the participant app (which stores the feedback offline).
import * as z from "zod/mini";

// ---- tags and headings ----

/** A closed list of ids with an English label each, written once: the ids in order, their schema, their labels. */
function labelledIds<Id extends string>(labels: Record<Id, string>) {
  const ids = Object.keys(labels) as [Id, ...Id[]];
  return { ids, schema: z.enum(ids), labels };
}

const answerTags = labelledIds({
  operational_improvement: "Operational improvement",
  strategic_empowerment: "Strategic empowerment",
  success_story: "Success story",
  good_example: "Good example",
});
export const ANSWER_TAGS = answerTags.ids;
export const answerTag = answerTags.schema;
export type AnswerTag = z.infer<typeof answerTag>;
export const ANSWER_TAG_LABELS = answerTags.labels;

/** The Good Practice Report's headings, in the report's order. */
const reportHeadings = labelledIds({
  others_actions: "Others' actions",
  operational_improvement: "Operational improvement",
  strategic_empowerment: "Strategic empowerment",
  direct_effects: "Direct effects",
  work_improvement: "Work improvement",
  new_projects: "New projects",
});
export const REPORT_HEADINGS = reportHeadings.ids;
export const reportHeading = reportHeadings.schema;
export type ReportHeading = z.infer<typeof reportHeading>;
export const REPORT_HEADING_LABELS = reportHeadings.labels;

export const MAX_EXCERPT_LENGTH = 1000;
const id = z.string().check(z.minLength(1), z.maxLength(64));

/** PUT /api/console/replies/:replyId/answers/:questionId/tag. An empty excerpt means "quote the whole answer". */
export const answerTagRequest = z.strictObject({
  tag: answerTag,
  heading: reportHeading,
  quote: z.boolean(),
  excerpt: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(MAX_EXCERPT_LENGTH)))),
});
export type AnswerTagRequest = z.infer<typeof answerTagRequest>;

/** Which answer: a reply's answer to one question. */
const answerKey = z.object({ replyId: z.string(), questionId: z.string() });

/** What the office decided about an answer: its tag, its report heading, and whether (and which words) to quote. */
const answerCuration = z.object({
  tag: answerTag,
  heading: reportHeading,
  quote: z.boolean(),
  excerpt: z.optional(z.string()),
});

/** One answer's curation as stored (the answer to PUT …/tag). */
export const answerTagging = z.object({
  ...answerKey.shape,
  ...answerCuration.shape,
  taggedBy: z.string(),
  taggedAt: z.string(),
});
export type AnswerTagging = z.infer<typeof answerTagging>;

/** One free-text answer of a counted reply, with its curation when it has one. */
export const freeTextAnswer = z.object({
  ...answerKey.shape,
  /** The question's label in the reply's questionnaire. */
  questionLabel: z.string(),
  text: z.string(),
  administrationCode: z.string(),
  workshopId: z.string(),
  workshopTitle: z.string(),
  ...z.partial(answerCuration).shape,
  /**
   * Set when the tag was made on an earlier reply of the same invitation (the respondent replied again): the
   * earlier answer, and whether the quoted words are missing from this one (then the organiser reviews it).
   */
  carriedOver: z.optional(z.object({ fromReplyId: z.string(), previousText: z.string(), needsReview: z.boolean() })),
});
export type FreeTextAnswer = z.infer<typeof freeTextAnswer>;

/** GET /api/console/report/:fiscalYear/answers[?question=…] */
export const freeTextAnswerList = z.object({ fiscalYear: z.string(), answers: z.array(freeTextAnswer) });
export type FreeTextAnswerList = z.infer<typeof freeTextAnswerList>;

export const reportQuote = z.object({
  replyId: z.string(),
  questionId: z.string(),
  tag: answerTag,
  /** The excerpt when the organiser chose one, else the whole answer. */
  text: z.string(),
  administration: z.object({ code: z.string(), name: z.string() }),
  workshop: z.object({ id: z.string(), title: z.string() }),
  /** True when the respondent replied again without these words: the quote shows what was picked until reviewed. */
  needsReview: z.optional(z.boolean()),
});
export type ReportQuote = z.infer<typeof reportQuote>;

/** GET /api/console/report/:fiscalYear/quotes: picked quotes of the year's counted replies, by heading in the report's order (headings without quotes left out). */
export const reportQuotes = z.object({
  fiscalYear: z.string(),
  headings: z.array(z.object({ heading: reportHeading, label: z.string(), quotes: z.array(reportQuote) })),
});
export type ReportQuotes = z.infer<typeof reportQuotes>;

// ---- feedback to participants ----

/** Reply ids are stored in lower case (see uuidV7), whatever case a request names them in. */
export const quoteId = z.strictObject({
  replyId: z.string().check(z.minLength(1), z.maxLength(64), z.toLowerCase()),
  questionId: id,
});
export type QuoteId = z.infer<typeof quoteId>;

export const MAX_FEEDBACK_QUOTES = 100;

/** PUT /api/console/campaigns/:id/feedback: publishes (or republishes, version + 1) the campaign's feedback. */
export const feedbackRequest = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  message: z.string().check(z.trim(), z.maxLength(10000)),
  /** Report table numbers 1–7 (duplicates dropped, shown in the report's order). */
  tables: z.array(z.int().check(z.gte(1), z.lte(7))).check(z.maxLength(7)),
  /** Picked quotes (answer tags with quote=true) of counted replies of the workshop's fiscal year. */
  quoteIds: z.array(quoteId).check(z.maxLength(MAX_FEEDBACK_QUOTES)),
});
export type FeedbackRequest = z.infer<typeof feedbackRequest>;

/**
 * PUT /api/console/campaigns/:id/feedback: the feedback and the `version` the form was loaded with (the newest
 * version published, 0 before the first); publishing over another version is refused (409 changed_elsewhere).
 */
export const feedbackPublish = z.extend(feedbackRequest, { version: z.int().check(z.gte(0)) });

/** A cell of a report table row: text, a number, or empty. */
export const tableCell = z.nullable(z.union([z.string(), z.number()]));

export const feedbackTable = z.object({
  number: z.int(),
  title: z.string(),
  /** A header row, then one row per workshop, subtotal and total (as the CSV/XLSX exports have them). */
  rows: z.array(z.array(tableCell)),
});
export type FeedbackTable = z.infer<typeof feedbackTable>;

export const feedbackQuote = z.object({
  heading: reportHeading,
  text: z.string(),
  /** The administration's name ("Fiji"). */
  administration: z.string(),
  /** The workshop's title. */
  workshop: z.string(),
});
export type FeedbackQuote = z.infer<typeof feedbackQuote>;

/**
 * GET /api/invitations/:code/feedback (the invitation code is the credential). Strong ETag that changes
 * with every republish (and whenever the live tables or quotes change); send If-None-Match to get 304.
 */
export const participantFeedback = z.object({
  campaignId: z.string(),
  workshopTitle: z.string(),
  title: z.string(),
  message: z.string(),
  publishedAt: z.string(),
  version: z.int(),
  tables: z.array(feedbackTable),
  quotes: z.array(feedbackQuote),
});
export type ParticipantFeedback = z.infer<typeof participantFeedback>;

/** What an organiser published, as the console shows the current version and every earlier one. */
const publishedFeedbackFields = {
  version: z.int(),
  title: z.string(),
  message: z.string(),
  tables: z.array(z.int()),
  quoteIds: z.array(quoteId),
  publishedAt: z.string(),
  publishedBy: z.string(),
};

/** GET/PUT /api/console/campaigns/:id/feedback: what was published, and what participants see. */
export const consoleFeedback = z.object({
  campaignId: z.string(),
  ...publishedFeedbackFields,
  preview: participantFeedback,
});
export type ConsoleFeedback = z.infer<typeof consoleFeedback>;

/** One published version of a campaign's feedback, as it was published (every version is kept). */
export const feedbackVersion = z.object({
  ...publishedFeedbackFields,
  /** The organiser's name; null when the account is gone. */
  publishedByName: z.nullable(z.string()),
});
export type FeedbackVersion = z.infer<typeof feedbackVersion>;

/** GET /api/console/campaigns/:id/feedback/versions: newest first; `current` is null while unpublished. */
export const feedbackVersionList = z.object({
  campaignId: z.string(),
  current: z.nullable(z.int()),
  versions: z.array(feedbackVersion),
});
export type FeedbackVersionList = z.infer<typeof feedbackVersionList>;
