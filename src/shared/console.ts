// The organiser console's wire shapes: sign-in, accounts, workshops, administrations, participants and CSV import.
// Kept whole past 300 lines: one file is the console API's contract, each shape beside the ones it builds on.
import * as z from "zod/mini";
import { administration, subRegion, workshop } from "./directory";
import { calendarDate } from "./calendarDate";
import { problemWords } from "./api";
import { recordVersion } from "./editConflicts";
import { campaignStatus } from "./campaign";
import { MAX_PASSWORD_LENGTH } from "./passwordPolicy";
import { columnChoices, lineFixes } from "./importMapping";

export const ORGANISER_ROLES = ["organiser", "viewer"] as const;
export const organiserRole = z.enum(ORGANISER_ROLES);
export type OrganiserRole = z.infer<typeof organiserRole>;

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./passwordPolicy";

/** Header every console request that changes something must carry, equal to the session's token. */
export const CSRF_HEADER = "X-CSRF-Token";
export const SESSION_COOKIE = "outrigger_session";

const email = z
  .string()
  .check(z.trim(), z.maxLength(320), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, "is not an e-mail address"));
/** A new password's shape on the wire; its rules (blank, length, common) are checked by the server's hashNewPassword. */
const password = z.string().check(z.maxLength(MAX_PASSWORD_LENGTH));
const personName = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

export const organiser = z.object({ id: z.string(), name: z.string(), email: z.string(), role: organiserRole });
export type Organiser = z.infer<typeof organiser>;

/** POST /api/console/session */
export const signInRequest = z.strictObject({
  email: z.string().check(z.maxLength(320)),
  password: z.string().check(z.maxLength(MAX_PASSWORD_LENGTH)),
});
export type SignInRequest = z.infer<typeof signInRequest>;

/** The answer to a sign-in, to GET /api/console/session and to a finished setup. */
export const consoleSession = z.object({ organiser, csrfToken: z.string() });
export type ConsoleSession = z.infer<typeof consoleSession>;

/** POST /api/console/setup: the first organiser, with the one-time token printed at first start. */
export const setupRequest = z.strictObject({
  token: z.string().check(z.minLength(1), z.maxLength(200)),
  email,
  name: personName,
  password,
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const newOrganiser = z.strictObject({ email, name: personName, password, role: organiserRole });
export type NewOrganiser = z.infer<typeof newOrganiser>;

// ---- accounts (organiser only) ----

/** GET /api/console/accounts: each account as the Accounts page lists it. */
export const account = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: organiserRole,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof account>;
export const accountList = z.object({ accounts: z.array(account) });
export type AccountList = z.infer<typeof accountList>;

/** POST /api/console/accounts: the same shape admin:create takes; the password is the policy-checked initial one. */
export const newAccount = newOrganiser;
export type NewAccount = NewOrganiser;

/** PATCH /api/console/accounts/:id: disable or re-enable another account. */
export const accountStatusChange = z.strictObject({ disabled: z.boolean() });
export type AccountStatusChange = z.infer<typeof accountStatusChange>;

/** PUT /api/console/accounts/:id/password: the new password the organiser passes on; the account's sessions end. */
export const passwordReset = z.strictObject({ password });
export type PasswordReset = z.infer<typeof passwordReset>;

// ---- administrations ----

/** POST /api/console/administrations: the shared administration shape (code 2–3 upper-case letters, sub-region required). */
export const newAdministration = administration;
export type NewAdministration = z.infer<typeof newAdministration>;
export const administrationList = z.object({ administrations: z.array(administration) });
export { subRegion };

// ---- workshops ----

/** Every record a console form saves carries its version and last save (see editConflicts.ts). */
const versionFields = {
  version: z.number(),
  /** When and by whom it was last saved; absent before its first save. */
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
};

const administrationCode = z
  .string()
  .check(z.regex(/^[A-Z]{2,3}$/, "is not an administration code (2–3 upper-case letters)"));
const isoDate = z.iso.date();
const fiscalYearLabel = z.string().check(z.regex(/^\d{4}\/\d{2}$/, "is not a fiscal year such as 2024/25"));

/** A workshop's month, "2020-11", when its exact dates are not known. */
export const workshopMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, "is not a month such as 2020-11"));

const workshopFields = {
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(400)),
  kind: z.enum(["regional", "sub-regional", "national"]),
  mode: z.enum(["in-person", "virtual", "hybrid"]),
  /** July–June label; derived from startsOn (else endsOn) when left out. */
  fiscalYear: z.optional(fiscalYearLabel),
  startsOn: z.optional(z.nullable(isoDate)),
  endsOn: z.optional(z.nullable(isoDate)),
  /** Host administration and venue, e.g. "Suva, Fiji (hosted by Fiji Revenue and Customs Service)". */
  location: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
  administrationCodes: z.optional(z.array(administrationCode).check(z.maxLength(200))),
  /** "2020-11" for a workshop known only by its month (earlier rounds); used when it has no dates. */
  month: z.optional(z.nullable(workshopMonth)),
  /** The count of participating administrations when their list is not known; else the list's length. */
  participatingAdministrations: z.optional(z.nullable(z.int().check(z.minimum(0), z.maximum(1000)))),
};

/** POST /api/console/workshops */
export const newWorkshop = z.strictObject(workshopFields);
export type NewWorkshop = z.infer<typeof newWorkshop>;

/** PATCH /api/console/workshops/:id: any subset; null clears an optional field; `version` as the form loaded it. */
export const workshopChanges = z.extend(z.partial(newWorkshop), { version: recordVersion });
export type WorkshopChanges = z.infer<typeof workshopChanges>;

/** A workshop's newest follow-up campaign as the workshops list shows it: what state it is in and who replied. */
export const workshopCampaignFigures = z.object({
  id: z.string(),
  status: campaignStatus,
  opensAt: z.string(),
  dueOn: calendarDate,
  lateRepliesAccepted: z.boolean(),
  /** Invitations not withdrawn. */
  invited: z.number(),
  /** Of those, how many have replied. */
  replied: z.number(),
});
export type WorkshopCampaignFigures = z.infer<typeof workshopCampaignFigures>;

export const consoleWorkshop = z.extend(workshop, {
  /** Number of participating administrations (the reports' reply-rate denominator). */
  participatingAdministrations: z.nullable(z.number()),
  /** "2020-11" for a workshop known only by its month (no dates). */
  month: z.optional(z.string()),
  administrationCodes: z.array(z.string()),
  participantCount: z.number(),
  ...versionFields,
  /** In the workshops list only, and only once the workshop has a campaign. */
  latestCampaign: z.optional(workshopCampaignFigures),
});
export type ConsoleWorkshop = z.infer<typeof consoleWorkshop>;
export const workshopList = z.object({ workshops: z.array(consoleWorkshop) });

/** A workshop's fields as its form edits them and the audit log compares them, absent facts as null. */
export function workshopFormValues(w: ConsoleWorkshop) {
  return {
    title: w.title,
    kind: w.kind,
    mode: w.mode,
    fiscalYear: w.fiscalYear,
    startsOn: w.startsOn ?? null,
    endsOn: w.endsOn ?? null,
    location: w.location ?? null,
    month: w.month ?? null,
    administrationCodes: w.administrationCodes,
  } satisfies NewWorkshop;
}

// ---- participants ----

export const participantFields = {
  name: personName,
  administrationCode,
  email,
  position: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(200)))),
};
export const newParticipant = z.strictObject(participantFields);
export type NewParticipant = z.infer<typeof newParticipant>;
export const participantChanges = z.extend(z.partial(newParticipant), { version: recordVersion });
export type ParticipantChanges = z.infer<typeof participantChanges>;

export const participant = z.object({
  id: z.string(),
  workshopId: z.string(),
  name: z.string(),
  administrationCode: z.string(),
  email: z.string(),
  position: z.nullable(z.string()),
  createdAt: z.string(),
  ...versionFields,
});
export type Participant = z.infer<typeof participant>;
export const participantList = z.object({ participants: z.array(participant) });

// ---- CSV import ----

export const CSV_COLUMNS = ["name", "administration", "email", "position"] as const;
export const MAX_CSV_ROWS = 2000;
export const MAX_CSV_BYTES = 1024 * 1024;

export const participantImportRequest = z.strictObject({
  csv: z.string(),
  commit: z.boolean(),
  /** Lines (as numbered in the preview) the organiser chose to leave out; the rest are imported. */
  skipLines: z.optional(z.array(z.int().check(z.positive())).check(z.maxLength(MAX_CSV_ROWS))),
  /** The organiser's column per header (importMapping.ts); without it, a remembered mapping or the recognised headers. */
  columns: z.optional(columnChoices),
  /** Bad lines' cells corrected in the preview; the import uses them instead of the file's. */
  fixes: z.optional(lineFixes),
});
export type ParticipantImportRequest = z.infer<typeof participantImportRequest>;

/** A line's problem: `problem` is its code and parameters (importProblemWords.ts), `message` the English words. */
export const importRowError = z.object({ field: z.string(), message: z.string(), problem: z.optional(problemWords) });
export type ImportRowError = z.infer<typeof importRowError>;
/** Worth a look but not refused, e.g. an administration that is not among the workshop's; worded as an error is. */
export const importRowWarning = z.object({ message: z.string(), problem: z.optional(problemWords) });
export type ImportRowWarning = z.infer<typeof importRowWarning>;
export const importRow = z.object({
  /** 1-based line of the CSV where the row starts (the header is line 1). */
  line: z.number(),
  values: z.record(z.string(), z.string()),
  errors: z.array(importRowError),
  warnings: z.array(importRowWarning),
  /** True when the organiser asked to leave this line out. */
  skipped: z.boolean(),
  /** True when the values are the organiser's corrections, not the file's. */
  fixed: z.optional(z.boolean()),
});
export type ImportRow = z.infer<typeof importRow>;
export const importPreview = z.object({
  rows: z.array(importRow),
  valid: z.number(),
  /** Rows with errors that are not skipped: while above 0, nothing is imported. */
  invalid: z.number(),
  skipped: z.number(),
  /** Headers in the file that match none of our columns; their values are not imported. */
  ignoredColumns: z.array(z.string()),
  /** True when the rows were inserted (commit=true and no invalid row left unskipped). */
  committed: z.boolean(),
  /** The file's headers and the column each was read as; where that mapping came from. */
  headers: z.optional(z.array(z.string())),
  columns: z.optional(columnChoices),
  mappingSource: z.optional(z.enum(["recognised", "remembered", "chosen"])),
});
export type ImportPreview = z.infer<typeof importPreview>;

// ---- questionnaires ----

// Shapes live in questionnaireVersions.ts (lifecycle, editing, XLSForm); re-exported for the console's existing imports.
export {
  questionnaireVersionList,
  questionnaireVersionSummary,
  type QuestionnaireVersionList,
  type QuestionnaireVersionSummary,
} from "./questionnaireVersions";

// ---- campaigns ----

const isoDateTime = z.iso.datetime({ offset: true });
const campaignStatusField = z.enum(["open", "closed", "withdrawn"]);

/**
 * POST /api/console/workshops/:id/campaigns. Defaults: the latest version of questionnaire
 * "follow-up"; opensAt = the workshop's end (else start, else today) + 6 months at 00:00 UTC;
 * dueOn = the day of opensAt + 21 days; late replies accepted. `dueAt` (an instant, read as its UTC day) is the
 * older way to give the due date and is still taken.
 */
export const newCampaign = z.strictObject({
  questionnaireId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  questionnaireVersion: z.optional(z.int().check(z.positive())),
  opensAt: z.optional(isoDateTime),
  dueOn: z.optional(calendarDate),
  dueAt: z.optional(isoDateTime),
  lateRepliesAccepted: z.optional(z.boolean()),
});
export type NewCampaign = z.infer<typeof newCampaign>;

/** PATCH /api/console/campaigns/:id; `version` as the page loaded it. */
export const campaignChanges = z.strictObject({
  version: recordVersion,
  status: z.optional(campaignStatusField),
  dueOn: z.optional(calendarDate),
  /** Older consoles: an instant, read as its UTC day. */
  dueAt: z.optional(isoDateTime),
  lateRepliesAccepted: z.optional(z.boolean()),
});
export type CampaignChanges = z.infer<typeof campaignChanges>;

const campaignFields = {
  id: z.string(),
  workshopId: z.string(),
  questionnaireId: z.string(),
  questionnaireVersion: z.number(),
  opensAt: z.string(),
  dueOn: calendarDate,
  lateRepliesAccepted: z.boolean(),
  status: campaignStatusField,
};

/** A campaign as listed for its workshop: how many were invited and how many of them replied. */
export const campaignSummary = z.object({
  ...campaignFields,
  createdAt: z.string(),
  ...versionFields,
  invited: z.number(),
  replied: z.number(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignList = z.object({ campaigns: z.array(campaignSummary) });

export const campaignInvitation = z.object({
  code: z.string(),
  participantId: z.nullable(z.string()),
  participantName: z.nullable(z.string()),
  administrationCode: z.nullable(z.string()),
  email: z.nullable(z.string()),
  position: z.nullable(z.string()),
  /** `<origin>/join/<code>` */
  link: z.string(),
  replied: z.boolean(),
  /** When the latest reply with this code arrived. */
  repliedAt: z.optional(z.string()),
  /** The reply that counts for this code, read in full at /console/replies/<id>. */
  latestReplyId: z.optional(z.string()),
  /** When the last reminder e-mail went out by SMTP. */
  remindedAt: z.optional(z.string()),
  /** When the invitation e-mail went out by SMTP. */
  invitationEmailedAt: z.optional(z.string()),
  /** When the organiser withdrew it: it takes no new replies and its replies are left out of counts and report. */
  withdrawnAt: z.optional(z.string()),
  /** `/api/console/campaigns/<id>/invitations/<code>/qr.svg`: the link as a QR code (SVG), for the printable sheet. */
  qrSvgPath: z.string(),
});
export type CampaignInvitation = z.infer<typeof campaignInvitation>;

/** GET /api/console/campaigns/:id (also the answer to PATCH and to POST …/invitations, which adds `added`). */
export const campaignDetail = z.object({
  campaign: campaignSummary,
  workshop: z.object({ id: z.string(), title: z.string(), fiscalYear: z.string() }),
  invitations: z.array(campaignInvitation),
  /** POST …/invitations only: how many invitations were added. */
  added: z.optional(z.number()),
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

/** GET /api/console/campaigns/:id/reminders: who has not replied, with a prepared e-mail. */
/** One participant's e-mail as the server would send it, and as a mailto link for the organiser's own mail program. */
const preparedEmailFields = {
  code: z.string(),
  participantName: z.nullable(z.string()),
  administrationCode: z.nullable(z.string()),
  email: z.nullable(z.string()),
  link: z.string(),
  subject: z.string(),
  body: z.string(),
  /** `mailto:` link with subject, body and CC; null when the invitation has no e-mail address. */
  mailto: z.nullable(z.string()),
};

export const campaignReminder = z.object({
  ...preparedEmailFields,
  /** When the last reminder e-mail went out by SMTP; null when none was sent. */
  remindedAt: z.nullable(z.string()),
});
export type CampaignReminder = z.infer<typeof campaignReminder>;
export const campaignReminders = z.object({
  campaignId: z.string(),
  dueOn: calendarDate,
  reminders: z.array(campaignReminder),
  /** Whether the server can send reminders itself (SMTP_URL set); otherwise use the mailto links. */
  smtpConfigured: z.boolean(),
});
export type CampaignReminders = z.infer<typeof campaignReminders>;

/** Reminders are not sent again to anyone reminded within this many hours, unless the request says otherwise. */
export const DEFAULT_REMINDER_INTERVAL_HOURS = 24;

/**
 * POST /api/console/campaigns/:id/reminders/send: all invitations without a reply that have an e-mail, or only these
 * codes; anyone reminded within `skipIfRemindedWithinHours` (default 24, at least 1) is skipped and reported.
 */
export const sendReminders = z.strictObject({
  codes: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(5000)),
  ),
  skipIfRemindedWithinHours: z.optional(z.int().check(z.gte(1), z.lte(24 * 90))),
});
export type SendReminders = z.infer<typeof sendReminders>;
/**
 * Why an invitation got no reminder: it has a reply, it has no e-mail address, the code is not one of this
 * campaign's, a reminder already went to it within the chosen interval (a second click, another organiser), or the
 * organiser withdrew it.
 */
export const reminderSkipReason = z.enum(["replied", "no_email", "unknown_code", "reminded_recently", "withdrawn"]);
export type ReminderSkipReason = z.infer<typeof reminderSkipReason>;
export const sentReminders = z.object({
  sent: z.array(z.object({ code: z.string(), email: z.string() })),
  skipped: z.array(z.object({ code: z.string(), reason: reminderSkipReason })),
  /** `reason`: what the SMTP server or the connection said. */
  failed: z.array(z.object({ code: z.string(), reason: z.string() })),
});
export type SentReminders = z.infer<typeof sentReminders>;

/** GET /api/console/campaigns/:id/invitation-emails: the invitation e-mail of every invitation, prepared. */
export const invitationEmail = z.object({
  ...preparedEmailFields,
  /** When the invitation e-mail went out by SMTP; null when it was not sent (it goes only once). */
  emailedAt: z.nullable(z.string()),
  /** A reply came with this code already (from the workshop's QR sheet, say): no invitation e-mail needed. */
  replied: z.boolean(),
});
export type InvitationEmail = z.infer<typeof invitationEmail>;
export const campaignInvitationEmails = z.object({
  campaignId: z.string(),
  emails: z.array(invitationEmail),
  smtpConfigured: z.boolean(),
});
export type CampaignInvitationEmails = z.infer<typeof campaignInvitationEmails>;

/** POST /api/console/campaigns/:id/invitation-emails/send: every invitation not yet e-mailed, or only these codes. */
export const sendInvitationEmails = z.strictObject({
  codes: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(5000)),
  ),
});
/** An invitation e-mail goes once: to no one who already got it, replied, has no address or was withdrawn. */
export const invitationEmailSkipReason = z.enum([
  "replied",
  "no_email",
  "unknown_code",
  "already_emailed",
  "withdrawn",
]);
export const sentInvitationEmails = z.object({
  sent: z.array(z.object({ code: z.string(), email: z.string() })),
  skipped: z.array(z.object({ code: z.string(), reason: invitationEmailSkipReason })),
  failed: z.array(z.object({ code: z.string(), reason: z.string() })),
});
export type SentInvitationEmails = z.infer<typeof sentInvitationEmails>;

/** Fiscal years travel in console URLs as "2022-23" (a slash cannot sit in one path segment). */
export function fiscalYearFromPath(segment: string): string | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(segment);
  return m ? `${m[1]}/${m[2]}` : undefined;
}
export function fiscalYearToPath(fiscalYear: string): string {
  return fiscalYear.replace("/", "-");
}
