// Outgoing e-mail (invitations, reminders) over SMTP with nodemailer. Configured by SMTP_URL (smtp://user:pass@host:587,
// smtps://user:pass@host:465; nodemailer URL options such as ?tls.rejectUnauthorized=false work too) and MAIL_FROM.
// Without SMTP_URL there is no mailer: the console offers the prepared mailto links instead.
import nodemailer from "nodemailer";

export const DEFAULT_MAIL_FROM = "Outrigger <no-reply@localhost>";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text; line breaks as "\n". */
  text: string;
  /** Where answers go when not to the sender. */
  replyTo?: string;
  cc?: readonly string[];
}

export interface Mailer {
  /** Where mail goes, without credentials ("smtp://mail.example.org:587"), for logs. */
  readonly description: string;
  readonly from: string;
  /** Resolves once the SMTP server accepted the message; rejects with the server's or the connection's error. */
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** The SMTP URL without user and password. */
export function describeSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

/**
 * A mailer for `smtpUrl` (default env SMTP_URL), sending from `from` (default env MAIL_FROM, else
 * "Outrigger <no-reply@localhost>"); undefined when no URL is set. Throws on a URL that is not smtp:// or smtps://.
 */
export function createMailer(
  smtpUrl: string | undefined = process.env.SMTP_URL,
  from: string | undefined = process.env.MAIL_FROM,
): Mailer | undefined {
  const url = smtpUrl?.trim();
  if (!url) return undefined;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error(
      "SMTP_URL is not a valid URL: expected smtp://user:password@host:587 or smtps://user:password@host:465.",
    );
  }
  if (protocol !== "smtp:" && protocol !== "smtps:")
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${protocol}//).`);
  const sender = from?.trim() || DEFAULT_MAIL_FROM;
  // Short timeouts: sending happens while the organiser waits for the answer.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    description: describeSmtpUrl(url),
    from: sender,
    async send(message) {
      await transport.sendMail({
        from: sender,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.replyTo ? { replyTo: message.replyTo } : {}),
        ...(message.cc && message.cc.length > 0 ? { cc: [...message.cc] } : {}),
      });
    },
    close() {
      transport.close();
    },
  };
}
