// The participant's own copy of a reply as a plain text file: what they answered, for whom, and whether it arrived.
import { localCalendarDate } from "../../../shared/calendarDate";
import type { Administration } from "../../../shared/directory";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { isQuestionVisible } from "../../../shared/visibility";
import type { OutboxEntry } from "../../store/db";
import { formatDateTime } from "../../ui/formatTime";
import { openInAnotherApp } from "../library/openInAnotherApp";
import { answerText } from "./answerText";
import { t as tCore } from "../../i18n/coreMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { t } from "../../i18n/replyMessages";
import { OUTBOX_STATE_MESSAGES } from "../home/outboxStateMessages";

export interface ReplyCopySource {
  entry: OutboxEntry;
  definition: QuestionnaireDefinition;
  workshopTitle?: string;
  administrations: Administration[];
}

/**
 * Readable anywhere (a mail, a notes app, a printer): headings, then each answered question and its answer, in the
 * language the participant reads the app in (the questionnaire's own text where it has that language).
 */
export function replyCopyText({ entry, definition, workshopTitle, administrations }: ReplyCopySource): string {
  const { reply, receipt } = entry;
  const lines = [inChosenLanguage(definition.title, definition.titles), ...(workshopTitle ? [workshopTitle] : []), ""];
  lines.push(t("copyInvitation", { code: reply.invitationCode }));
  lines.push(t("copySubmitted", { time: formatDateTime(reply.submittedAt) }));
  lines.push(t("copyState", { state: tCore(OUTBOX_STATE_MESSAGES[entry.state]) }));
  if (entry.state === "sent" && receipt)
    lines.push(t("copyReceipt", { receipt: receipt.receiptId, time: formatDateTime(receipt.receivedAt) }));
  for (const section of definition.sections) {
    const questions = section.questions.filter((q) => isQuestionVisible(q, reply.answers, definition));
    if (questions.length === 0) continue;
    lines.push("", inChosenLanguage(section.title, section.titles).toUpperCase());
    for (const q of questions)
      lines.push("", inChosenLanguage(q.label, q.labels), answerText(q, reply.answers[q.id], administrations));
  }
  return `${lines.join("\n")}\n`;
}

/** The phone's share sheet where it takes files (mail it to oneself, keep it in Drive), otherwise a download. */
export function keepReplyCopy(source: ReplyCopySource): Promise<"shared" | "downloaded" | "cancelled"> {
  const day = localCalendarDate(new Date(source.entry.reply.submittedAt));
  const fileName = `my-reply-${source.entry.reply.invitationCode}-${day}.txt`;
  const blob = new Blob([replyCopyText(source)], { type: "text/plain" });
  return openInAnotherApp(blob, fileName, t("copyTitle"));
}
