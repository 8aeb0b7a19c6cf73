// The wire shapes of questionnaire versions in the console: lifecycle (draft → published → retired), editing, publishing, XLSForm.
import * as z from "zod/mini";
import { fieldIssue } from "./api";
import { questionnaireDefinition } from "./questionnaire";

export const questionnaireVersionStatus = z.enum(["draft", "published", "retired"]);
export type QuestionnaireVersionStatus = z.infer<typeof questionnaireVersionStatus>;

/** GET /api/console/questionnaires: every stored version, newest first within each questionnaire. */
export const questionnaireVersionSummary = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  questions: z.number(),
  status: questionnaireVersionStatus,
  /** SHA-256 of the canonical JSON definition; null until published. */
  contentHash: z.nullable(z.string()),
  /** The version this one was copied or imported beside; null for the first version or a shipped one. */
  basedOnVersion: z.nullable(z.number()),
  createdAt: z.nullable(z.string()),
  /** Organiser ids; null for versions shipped with the build. */
  createdBy: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
  publishedBy: z.nullable(z.string()),
  retiredAt: z.nullable(z.string()),
  retiredBy: z.nullable(z.string()),
});
export type QuestionnaireVersionSummary = z.infer<typeof questionnaireVersionSummary>;
export const questionnaireVersionList = z.object({ questionnaires: z.array(questionnaireVersionSummary) });
export type QuestionnaireVersionList = z.infer<typeof questionnaireVersionList>;

/** GET /api/console/questionnaires/:id/versions/:version */
export const questionnaireVersionDetail = z.object({
  ...questionnaireVersionSummary.shape,
  /** Saves of the definition, counted from 1: a draft save names the revision its form loaded (?revision=). */
  revision: z.number(),
  definition: questionnaireDefinition,
});
export type QuestionnaireVersionDetail = z.infer<typeof questionnaireVersionDetail>;

/** POST /api/console/questionnaires/:id/versions: the next draft, copied from a version (default: the newest published). */
export const newDraftRequest = z.strictObject({ fromVersion: z.optional(z.int().check(z.positive())) });
export type NewDraftRequest = z.infer<typeof newDraftRequest>;

/**
 * PUT …/versions/:version?revision=N takes a whole definition; its id and version must be the address's, and N is
 * the draft's `revision` as the form loaded it (a stale one gets 409 changed_elsewhere).
 */
export const draftDefinition = questionnaireDefinition;

/**
 * What creating, importing or publishing a version answers: the version, and what deserves a second look but
 * does not stop it (e.g. an option that the version it came from had and this one lost: old replies still use it).
 */
export const questionnaireVersionResult = z.object({
  version: questionnaireVersionDetail,
  warnings: z.array(fieldIssue),
});
export type QuestionnaireVersionResult = z.infer<typeof questionnaireVersionResult>;

/** An XLSForm upload is read no further than this. */
export const MAX_XLSFORM_BYTES = 2 * 1024 * 1024;
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
