// A campaign's e-mails (mounted at /api/console): the templates the organiser edits, the invitation e-mail sent once,
// reminders for those without a reply, and the mail-merge CSV for offices without SMTP. "Organiser" routes also
// need the session's CSRF token.
//
// | method | path                                    | what                                                   | who may call |
// | ------ | --------------------------------------- | ------------------------------------------------------ | ------------ |
// | GET    | /campaigns/:id/messages                 | the invitation and reminder templates (or defaults)    | any role     |
// | PUT    | /campaigns/:id/messages/:kind           | save over the loaded `version` (else 409)              | organiser    |
// | DELETE | /campaigns/:id/messages/:kind           | back to the default text                               | organiser    |
// | GET    | /campaigns/:id/invitation-emails        | the invitation e-mail per invitation, prepared         | any role     |
// | POST   | /campaigns/:id/invitation-emails/send   | send it over SMTP, once per invitation                 | organiser    |
// | GET    | /campaigns/:id/reminders                | a prepared reminder and mailto link per non-replier    | any role     |
// | POST   | /campaigns/:id/reminders/send           | send those reminders over SMTP, once per interval      | organiser    |
// | GET    | /campaigns/:id/invitations.csv          | mail-merge CSV: name, e-mail, code, link, due date     | any role     |
import { Hono, type Context } from "hono";
import {
  DEFAULT_REMINDER_INTERVAL_HOURS,
  sendInvitationEmails as sendInvitationEmailsRequest,
  sendReminders,
  type CampaignInvitationEmails,
  type CampaignReminders,
  type SentInvitationEmails,
  type SentReminders,
} from "../../../shared/console";
import {
  messageKind,
  templateProblems,
  templateSave,
  type MessageKind,
  type MessageTemplate,
  type StoredTemplate,
} from "../../../shared/messageTemplates";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { mailMergeRows, preparedInvitationEmails, preparedReminders } from "../../campaigns/campaignEmails";
import { sendInvitationEmails, sendReminderEmails } from "../../campaigns/campaignEmailSending";
import {
  campaignMessageTemplates,
  resetCampaignMessageTemplate,
  saveCampaignMessageTemplate,
} from "../../db/messageTemplates";
import type { Mailer } from "../../mail/mailer";
import { toCsv } from "../../report/exports";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { campaignDetail, withCampaign, type CampaignEnv } from "./campaignDetail";
import { changedElsewhere, editorOf } from "./editConflict";
import { withdrawn } from "./campaigns";

export interface CampaignEmailRouteOptions {
  /** Sends e-mail (POST …/send); without one those routes answer 409 smtp_not_configured. */
  mailer?: Mailer;
}

function kindOf(kindParam: string | undefined): MessageKind {
  const parsed = messageKind.safeParse(kindParam);
  if (!parsed.success) throw new ApiProblem(404, "not_found", "There is no such message: use invitation or reminder.");
  return parsed.data;
}

/** The wording alone, as the audit log compares it (not whether it is the default, nor its version). */
function wordingOf({ subject, body, signature, replyTo, cc }: StoredTemplate): MessageTemplate {
  return { subject, body, signature, replyTo, cc };
}

function smtpNotConfigured(): ApiProblem {
  return new ApiProblem(
    409,
    "smtp_not_configured",
    "This server cannot send e-mail: SMTP_URL is not set. Send the prepared messages from your own mail program with the mailto links or the mail-merge CSV instead.",
  );
}

export function campaignEmailRoutes(options: CampaignEmailRouteOptions = {}): Hono<ConsoleEnv> {
  const { mailer } = options;
  const routes = new Hono<ConsoleEnv>();

  /** Counts only: the SMTP server's own words often quote the recipient's address (the organiser sees them). */
  const logRefusals = (c: Context<CampaignEnv>, what: string, result: SentReminders | SentInvitationEmails) => {
    if (result.failed.length > 0)
      c.var.deps.logger.warn(
        {
          event: "smtp_refused",
          campaignId: c.var.campaign.id,
          failed: result.failed.length,
          sent: result.sent.length,
        },
        `The mail server did not take some ${what}.`,
      );
  };

  /** The campaign's detail and templates, which every prepared or sent message is made from. */
  const detailAndTemplates = async (c: Context<CampaignEnv>) => {
    const detail = await campaignDetail(c, c.var.campaign);
    return { detail, templates: await campaignMessageTemplates(c.var.deps.db, detail.campaign.id) };
  };
  /** The same, once sending is possible: a mailer configured and a campaign not withdrawn. */
  const readyToSend = async (c: Context<CampaignEnv>, what: string) => {
    if (!mailer) throw smtpNotConfigured();
    const made = await detailAndTemplates(c);
    if (made.detail.campaign.status === "withdrawn") throw withdrawn(`sends no ${what}`);
    return { ...made, deps: { ...c.var.deps, mailer } };
  };

  routes.get("/campaigns/:id/messages", requireSession(), withCampaign(), async (c) =>
    c.json(await campaignMessageTemplates(c.var.deps.db, c.var.campaign.id)),
  );

  routes.put("/campaigns/:id/messages/:kind", requireOrganiser(), jsonBody(templateSave), withCampaign(), async (c) => {
    const kind = kindOf(c.req.param("kind"));
    const { version, ...template } = c.req.valid("json");
    const problems = templateProblems(template);
    if (problems.length > 0)
      throw new ApiProblem(
        422,
        "invalid_template",
        problems.join(" "),
        problems.map((message) => ({ path: "body", code: "invalid_template", message })),
      );
    const { db, now } = c.var.deps;
    const saved = await saveCampaignMessageTemplate(db, c.var.campaign.id, kind, template, version, {
      editor: editorOf(c),
      at: now(),
      before: wordingOf((await campaignMessageTemplates(db, c.var.campaign.id))[kind]),
      after: { ...template },
    });
    const templates = await campaignMessageTemplates(db, c.var.campaign.id);
    return saved ? c.json(templates) : changedElsewhere(c, templates[kind]);
  });

  routes.delete("/campaigns/:id/messages/:kind", requireOrganiser(), withCampaign(), async (c) => {
    const kind = kindOf(c.req.param("kind"));
    const { db, now } = c.var.deps;
    await resetCampaignMessageTemplate(db, c.var.campaign.id, kind, {
      editor: editorOf(c),
      at: now(),
      before: wordingOf((await campaignMessageTemplates(db, c.var.campaign.id))[kind]),
    });
    return c.json(await campaignMessageTemplates(db, c.var.campaign.id));
  });

  routes.get("/campaigns/:id/invitation-emails", requireSession(), withCampaign(), async (c) => {
    const { detail, templates } = await detailAndTemplates(c);
    const answer: CampaignInvitationEmails = {
      campaignId: detail.campaign.id,
      emails: preparedInvitationEmails(detail, templates.invitation),
      smtpConfigured: mailer !== undefined,
    };
    return c.json(answer);
  });

  routes.post(
    "/campaigns/:id/invitation-emails/send",
    requireOrganiser(),
    jsonBody(sendInvitationEmailsRequest),
    withCampaign(),
    async (c) => {
      const { codes } = c.req.valid("json");
      const { detail, templates, deps } = await readyToSend(c, "invitations");
      const result = await sendInvitationEmails(detail, templates.invitation, codes, deps);
      logRefusals(c, "invitations", result);
      return c.json(result);
    },
  );

  routes.get("/campaigns/:id/reminders", requireSession(), withCampaign(), async (c) => {
    const { detail, templates } = await detailAndTemplates(c);
    const answer: CampaignReminders = {
      campaignId: detail.campaign.id,
      dueOn: detail.campaign.dueOn,
      reminders: preparedReminders(detail, templates.reminder),
      smtpConfigured: mailer !== undefined,
    };
    return c.json(answer);
  });

  routes.post(
    "/campaigns/:id/reminders/send",
    requireOrganiser(),
    jsonBody(sendReminders),
    withCampaign(),
    async (c) => {
      const { codes, skipIfRemindedWithinHours = DEFAULT_REMINDER_INTERVAL_HOURS } = c.req.valid("json");
      const { detail, templates, deps } = await readyToSend(c, "reminders");
      const result = await sendReminderEmails(detail, templates.reminder, codes, skipIfRemindedWithinHours, deps);
      logRefusals(c, "reminders", result);
      return c.json(result);
    },
  );

  routes.get("/campaigns/:id/invitations.csv", requireSession(), withCampaign(), async (c) => {
    const detail = await campaignDetail(c, c.var.campaign);
    return c.body(toCsv(mailMergeRows(detail)), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="invitations-${detail.campaign.id}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
  });

  return routes;
}
