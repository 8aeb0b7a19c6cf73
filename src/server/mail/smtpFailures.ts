// How a failed SMTP send is read: a short reason for the organiser, and whether every further message would fail too.

/** Error codes nodemailer gives when the server cannot be reached or refuses us: every further message would fail the same way. */
const CONNECTION_ERRORS = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "EAUTH",
  "ENOAUTH",
  "ETLS",
  "EPROXY",
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CONNECTION_ERRORS.has(code);
}

/** A short, credential-free account of why the SMTP server did not take a message. */
export function smtpFailureReason(error: unknown): string {
  const e = error as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown } | null;
  if (e && typeof e.response === "string" && e.response) return e.response.slice(0, 300);
  const code = e && typeof e.code === "string" ? `${e.code}: ` : "";
  return `${code}${e && typeof e.message === "string" ? e.message : String(error)}`.slice(0, 300);
}
