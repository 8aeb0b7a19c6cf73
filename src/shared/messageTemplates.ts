// The e-mails a campaign sends (the invitation, then reminders) as templates the organiser edits: subject, body,
// signature, Reply-To and CC, with {placeholders} filled per participant. Defaults apply until a campaign has its own.
import * as z from "zod/mini";

export const MESSAGE_KINDS = ["invitation", "reminder"] as const;
export const messageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof messageKind>;

/** What a template may say in braces, and what each stands for. */
export const PLACEHOLDERS = {
  name: "the participant's name",
  workshop: "the workshop's title",
  link: "the participant's personal link",
  code: "the personal invitation code",
  due_date: "the day replies are due (12 March 2025)",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<Placeholder, string>;

const emailAddress = z.email().check(z.maxLength(254));

export const messageTemplate = z.strictObject({
  subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  body: z.string().check(z.minLength(1), z.maxLength(5000)),
  signature: z.string().check(z.maxLength(1000)),
  /** Where answers to the e-mail go, when not to MAIL_FROM (the office's own mailbox). */
  replyTo: z.nullable(emailAddress),
  /** Copied on every message (a colleague, the administration's focal point). */
  cc: z.array(emailAddress).check(z.maxLength(10)),
});
export type MessageTemplate = z.infer<typeof messageTemplate>;

/**
 * PUT /api/console/campaigns/:id/messages/:kind: the wording and the `version` the form was loaded with (0 while the
 * campaign has never had its own); a save over another version is refused (409 changed_elsewhere).
 */
export const templateSave = z.extend(messageTemplate, { version: z.int().check(z.gte(0)) });
export type TemplateSave = z.infer<typeof templateSave>;

/** One template as the console reads it: still the default or not, its version and who saved it last (name). */
export const storedTemplate = z.extend(messageTemplate, {
  isDefault: z.boolean(),
  version: z.int(),
  updatedAt: z.optional(z.string()),
  updatedBy: z.optional(z.string()),
});
export type StoredTemplate = z.infer<typeof storedTemplate>;

/** GET /api/console/campaigns/:id/messages: both templates, each saying whether it is still the default. */
export const campaignMessageTemplates = z.object({ invitation: storedTemplate, reminder: storedTemplate });
export type CampaignMessageTemplates = z.infer<typeof campaignMessageTemplates>;

const PLACEHOLDER_PATTERN = /\{([a-z_]+)\}/g;

/**
 * What is wrong with a template, in words the organiser can act on: a placeholder we cannot fill, or a message
 * that would reach the participant without the personal link (the one thing it must carry).
 */
export function templateProblems(template: MessageTemplate): string[] {
  const problems: string[] = [];
  for (const [field, text] of [
    ["subject", template.subject],
    ["body", template.body],
    ["signature", template.signature],
  ] as const) {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN))
      if (!(match[1] in PLACEHOLDERS))
        problems.push(
          `The ${field} uses {${match[1]}}, which is not a placeholder. Use one of: ${Object.keys(PLACEHOLDERS)
            .map((p) => `{${p}}`)
            .join(", ")}.`,
        );
  }
  if (!template.body.includes("{link}"))
    problems.push("The body must contain {link}: without it the participant cannot open the questionnaire.");
  return problems;
}

function fill(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
    name in values ? values[name as Placeholder] : whole,
  );
}

/** The message one participant gets: placeholders filled, the signature under the body. */
export function renderMessage(template: MessageTemplate, values: PlaceholderValues): { subject: string; body: string } {
  const body = fill(template.body, values).replace(/\s+$/, "");
  const signature = fill(template.signature, values).trim();
  return { subject: fill(template.subject, values), body: signature ? `${body}\n\n${signature}` : body };
}

const COMMON_SIGNATURE = "Thank you,\nThe regional office";

export const DEFAULT_TEMPLATES: Record<MessageKind, MessageTemplate> = {
  invitation: {
    subject: "Follow-up questionnaire for {workshop}",
    body: [
      "Dear {name},",
      "",
      "Some months ago you took part in {workshop}. We would like to know what you have done with it since: shared the materials, reported to management, run an in-house workshop, or nothing yet — every answer counts.",
      "",
      "Please answer the follow-up questionnaire by {due_date}:",
      "{link}",
      "",
      "Your personal invitation code is {code}. Open the link once while online; the questionnaire then works offline too.",
    ].join("\n"),
    signature: COMMON_SIGNATURE,
    replyTo: null,
    cc: [],
  },
  reminder: {
    subject: "Reminder: follow-up questionnaire for {workshop}",
    body: [
      "Dear {name},",
      "",
      "Some months ago you took part in {workshop}. We would be grateful for a few minutes of your time to tell us what you have done with it since.",
      "",
      "Please answer the follow-up questionnaire by {due_date}:",
      "{link}",
      "",
      "Your personal invitation code is {code}. The questionnaire also works offline once opened.",
    ].join("\n"),
    signature: COMMON_SIGNATURE,
    replyTo: null,
    cc: [],
  },
};
