// Table shapes as the database holds them: booleans as 0/1, JSON as text, times as UTC ISO text.
// Kept whole past 300 lines: Kysely types the database from one interface, every table beside the others.
import type { ColumnType, Insertable, Selectable } from "kysely";

export interface AdministrationsTable {
  code: string;
  name: string;
  sub_region: string;
}

export interface WorkshopsTable {
  id: string;
  title: string;
  kind: string;
  mode: string;
  fiscal_year: string;
  starts_on: string | null;
  ends_on: string | null;
  location: string | null;
  participating_administrations: number | null;
  /** The organiser's place for the workshop in the report's numbering; null keeps it chronological. */
  report_position: number | null;
  /** Saves counted from 1 (migration 0130): a form's save must name the version it was loaded with. */
  version: ColumnType<number, number | undefined, number>;
  /** Organiser id and time of the last save (migration 0130); null before one. */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the organiser archived it (migration 0140): it leaves lists, counts and reports; null while it is in use. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
  archived_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** "2020-11" for a workshop known only by its month (migration 0150); null when dated. */
  month: ColumnType<string | null, string | null | undefined, string | null>;
  /** Invited participants when the invitations are not here (an imported earlier round, migration 0150); null: count them. */
  invited_participants: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface WorkshopAdministrationsTable {
  workshop_id: string;
  administration_code: string;
}

export interface QuestionnairesTable {
  id: string;
  version: number;
  /** The definition as JSON text. */
  definition: string;
  /** draft | published | retired (migration 0010; earlier rows are published). Only a draft may change. */
  status: ColumnType<string, string | undefined, string>;
  /** SHA-256 of the canonical JSON definition, set at publish. */
  content_hash: string | null;
  created_at: string | null;
  /** Organiser id; null for versions shipped with the build. */
  created_by: string | null;
  published_at: string | null;
  published_by: string | null;
  retired_at: string | null;
  retired_by: string | null;
  based_on_version: number | null;
  /** The version's report bindings as JSON text (migration 0100); null until bound. Not part of the content hash. */
  report_bindings: ColumnType<string | null, string | null | undefined, string | null>;
  report_bindings_updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  report_bindings_updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Saves of a draft's definition, counted from 1 (migration 0170): a draft save names the one its form loaded. */
  draft_revision: ColumnType<number, number | undefined, number>;
  draft_updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Organiser id of the last draft save. */
  draft_updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Saves of the report bindings, counted from 1 (migration 0170): a bindings save names the one its form loaded. */
  report_bindings_revision: ColumnType<number, number | undefined, number>;
}

export interface CampaignsTable {
  id: string;
  workshop_id: string;
  questionnaire_id: string;
  questionnaire_version: number;
  opens_at: string;
  /** The last day to reply, YYYY-MM-DD (a calendar day, no zone). */
  due_on: string;
  late_replies_accepted: number;
  status: string;
  created_at: string;
  /** Saves counted from 1 (migration 0130): a form's save must name the version it was loaded with. */
  version: ColumnType<number, number | undefined, number>;
  /** Organiser id and time of the last save (migration 0130); null before one. */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the organiser archived it (migration 0140): its invitations take no new replies; null while in use. */
  archived_at: ColumnType<string | null, string | null | undefined, string | null>;
  archived_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** When an earlier round's replies were imported into it (migration 0151); null for a campaign run here. */
  imported_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InvitationsTable {
  code: string;
  campaign_id: string;
  participant_name: string | null;
  email: string | null;
  administration_code: string | null;
  position: string | null;
  created_at: string;
  /**
   * HMAC-SHA256 key (base64 of 32 random bytes) that signs this participant's replies travelling by hand.
   * Every row has one (migration 0003 gave existing rows theirs); nullable only because SQLite cannot add a NOT NULL column.
   */
  relay_key: string | null;
  /** The workshop participant this invitation was made for (migration 0005); null for invitations made otherwise. */
  participant_id: string | null;
  /** When the last reminder e-mail was sent to this invitation by SMTP (migration 0006); null before. */
  reminded_at: string | null;
  /** When the invitation e-mail was sent to this invitation by SMTP (migration 0031); null before. */
  invitation_emailed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the organiser withdrew this invitation (migration 0120); null while it stands. */
  withdrawn_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who withdrew it (migration 0120); null while it stands. */
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CampaignMessageTemplatesTable {
  campaign_id: string;
  /** "invitation" or "reminder". */
  kind: string;
  subject: string;
  body: string;
  signature: string;
  reply_to: string | null;
  /** JSON array of e-mail addresses. */
  cc: string;
  updated_at: string;
  updated_by: string;
  /** Counts the template's saves and resets from 1 (a stale form's save is refused). */
  version: ColumnType<number, number | undefined, number>;
  /** 1 while the campaign uses the office's default wording again. */
  is_default: ColumnType<number, number | undefined, number>;
}

export interface RepliesTable {
  id: string;
  campaign_id: string;
  invitation_code: string;
  questionnaire_id: string;
  questionnaire_version: number;
  /** The answers as JSON text. */
  answers: string;
  started_at: string;
  submitted_at: string;
  app_version: string;
  content_hash: string;
  receipt_id: string;
  received_at: string;
}

export interface MaterialsTable {
  id: string;
  workshop_id: string;
  title: string;
  description: string;
  kind: string;
  language: string;
  file_name: string;
  content_type: string;
  /** bigint on PostgreSQL, which pg hands back as a string: always read through Number(). */
  size: ColumnType<number | string, number, number>;
  sha256: string;
  updated_at: string;
}

export interface OrganisersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: string;
  password_hash: string;
  created_at: string;
  disabled: ColumnType<number, number | undefined, number>;
}

export interface SessionsTable {
  /** sha-256 (hex) of the session cookie's value. */
  id: string;
  organiser_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SetupTokensTable {
  /** sha-256 (hex) of the one-time token printed at first start. */
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface ParticipantsTable {
  id: string;
  workshop_id: string;
  name: string;
  administration_code: string;
  email: string;
  position: string | null;
  created_at: string;
  /** Saves counted from 1 (migration 0130): a form's save must name the version it was loaded with. */
  version: ColumnType<number, number | undefined, number>;
  /** Organiser id and time of the last save (migration 0130); null before one. */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Curation of one free-text answer (migration 0007). */
export interface AnswerTagsTable {
  reply_id: string;
  question_id: string;
  tag: string;
  heading: string;
  quote: number;
  excerpt: string | null;
  tagged_by: string;
  tagged_at: string;
}

/** The feedback published to a campaign's participants (migration 0007); published_at null while unpublished. */
export interface CampaignFeedbackTable {
  campaign_id: string;
  title: string;
  message: string;
  /** JSON: table numbers. */
  tables: string;
  /** JSON: [{ replyId, questionId }]. */
  quotes: string;
  published_at: string | null;
  published_by: string;
  version: number;
}

/** One published version of a campaign's feedback, kept for good (migration 0012). */
export interface FeedbackVersionsTable {
  campaign_id: string;
  version: number;
  title: string;
  message: string;
  tables: string;
  quotes: string;
  published_at: string;
  published_by: string;
}

/** The columns an upload begun and a finished attachment share (migration 0008). */
interface AttachmentFileColumns {
  id: string;
  reply_id: string;
  invitation_code: string;
  file_name: string;
  content_type: string;
  /** bigint on PostgreSQL: read through Number(). */
  size: ColumnType<number | string, number, number>;
}

/** A tus upload begun for a reply (migration 0008): its owner and what it will be. */
export interface AttachmentUploadsTable extends AttachmentFileColumns {
  created_at: string;
  /** Set when the finished file was refused (migration 0009): the bytes are gone, HEAD/PATCH answer this error. */
  refused_code: ColumnType<string | null, string | null | undefined, string | null>;
  refused_message: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A finished reply attachment (migration 0008). */
export interface AttachmentsTable extends AttachmentFileColumns {
  sha256: string;
  /** Relative to the uploads folder. */
  stored_path: string;
  received_at: string;
}

/** One counted attempt of a sign-in or invitation-guess limit (migration 0030); shared by every server process. */
export interface AccessAttemptsTable {
  id: string;
  attempt_key: string;
  /** bigint on PostgreSQL: read through Number(). */
  attempted_at_ms: ColumnType<number | string, number, number>;
}

/** Which request may append to a tus upload now (migration 0030): a lease, renewed while held, free once expired. */
export interface UploadLocksTable {
  upload_id: string;
  holder: string;
  expires_at_ms: ColumnType<number | string, number, number>;
  release_requested: ColumnType<number, number | undefined, number>;
}

export interface SummaryYearsTable {
  fiscal_year: string;
  /** JSON: summaryYearFigures of src/shared/report/summaryYear.ts. */
  figures: string;
  updated_by: string;
  updated_at: string;
}

/** Who changed what in the console (migration 0130); newest first by `at`. */
export interface AuditLogTable {
  id: string;
  at: string;
  account_id: string;
  account_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON: AuditChanges of src/shared/auditLog.ts. */
  changes: string;
}

/** A participants file's column mapping, remembered by its header line (migration 0141). */
export interface ImportMappingsTable {
  header_key: string;
  /** JSON: src/shared/importMapping.ts rememberedMapping. */
  mapping: string;
  updated_by: string;
  updated_at: string;
}

export interface Database {
  administrations: AdministrationsTable;
  workshops: WorkshopsTable;
  workshop_administrations: WorkshopAdministrationsTable;
  questionnaires: QuestionnairesTable;
  campaigns: CampaignsTable;
  invitations: InvitationsTable;
  replies: RepliesTable;
  materials: MaterialsTable;
  organisers: OrganisersTable;
  sessions: SessionsTable;
  setup_tokens: SetupTokensTable;
  participants: ParticipantsTable;
  answer_tags: AnswerTagsTable;
  campaign_feedback: CampaignFeedbackTable;
  feedback_versions: FeedbackVersionsTable;
  attachment_uploads: AttachmentUploadsTable;
  attachments: AttachmentsTable;
  access_attempts: AccessAttemptsTable;
  upload_locks: UploadLocksTable;
  campaign_message_templates: CampaignMessageTemplatesTable;
  summary_years: SummaryYearsTable;
  audit_log: AuditLogTable;
  import_mappings: ImportMappingsTable;
}

export type CampaignRow = Selectable<CampaignsTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type ReplyRow = Selectable<RepliesTable>;
export type NewReplyRow = Insertable<RepliesTable>;
export type MaterialRow = Selectable<MaterialsTable>;
