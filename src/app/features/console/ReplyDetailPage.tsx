// One reply read in full: every question of the version it answered, the answers in words, who sent it and when,
// whether it counts, its attachments and curation tags. Reached from a campaign's reply list and from curation cards.
import { For, Show, createResource } from "solid-js";
import type { Question } from "../../../shared/questionnaire";
import type { ReplyDetail } from "../../../shared/replyDetail";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { answerText } from "../survey/answerText";
import { withConsoleLayout } from "./ConsoleLayout";
import { repliesText as t } from "./consoleText";
import { formattingLocale } from "../../i18n/language";
import { reportHeadingName } from "../../i18n/feedbackMessages";

export default withConsoleLayout(ReplyDetailPage);

const EXCLUSION_SENTENCES = {
  superseded: "excludedSuperseded",
  invitation_withdrawn: "excludedInvitationWithdrawn",
  archived: "excludedArchived",
} as const;

/** The answer as a person reads it: option labels, "Other — specify" text, dates written out. */
function readable(question: Question, detail: ReplyDetail): string {
  const value = detail.answers[question.id];
  if (question.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return new Intl.DateTimeFormat(formattingLocale(), { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${value}T00:00:00Z`),
    );
  return answerText(question, value, detail.administrations);
}

function ReplyDetailPage() {
  // The replies route (ConsoleRoutes) names its parameter `ref`: a fiscal year there opens the dashboard instead.
  const params = useParams<{ ref: string }>();
  const [detail] = createResource(
    () => params.ref,
    async (id) => {
      const result = await consoleRequest<ReplyDetail>("GET", `/replies/${encodeURIComponent(id)}`);
      return result.ok ? { detail: result.body } : { problem: result.error.message };
    },
  );
  return (
    <main class="page console">
      <Show when={detail()} fallback={<p class="muted">{t("loading")}</p>}>
        {(loaded) => (
          <Show
            when={"detail" in loaded() && (loaded() as { detail: ReplyDetail }).detail}
            fallback={
              <>
                <h1>{t("replyNotFound")}</h1>
                <p role="alert">{(loaded() as { problem: string }).problem}</p>
              </>
            }
          >
            {(d) => (
              <>
                <p class="eyebrow">
                  {t("fiscalYear", { year: d().workshop.fiscalYear })} ·{" "}
                  <Link href={`/console/campaigns/${encodeURIComponent(d().campaign.id)}`}>{d().workshop.title}</Link>
                </p>
                <h1>{t("replyFrom", { name: d().respondent.name ?? d().invitationCode })}</h1>
                <dl class="reply-facts">
                  <dt>{t("factAdministration")}</dt>
                  <dd>
                    {d().administrations.find((a) => a.code === d().respondent.administrationCode)?.name ??
                      d().respondent.administrationCode ??
                      "—"}
                  </dd>
                  <dt>{t("factEmail")}</dt>
                  <dd>{d().respondent.email ?? "—"}</dd>
                  <dt>{t("factInvitationCode")}</dt>
                  <dd>{d().invitationCode}</dd>
                  <dt>{t("factCampaign")}</dt>
                  <dd>{d().campaign.status}</dd>
                  <dt>{t("factSubmitted")}</dt>
                  <dd>{formatDateTime(d().submittedAt)}</dd>
                  <dt>{t("factReceived")}</dt>
                  <dd>{formatDateTime(d().receivedAt)}</dd>
                  <dt>{t("factQuestionnaire")}</dt>
                  <dd>
                    {t("questionnaireVersion", { title: d().questionnaire.title, version: d().questionnaire.version })}
                  </dd>
                </dl>
                <p data-testid="reply-counts" role="note">
                  {d().excludedBecause === null ? t("countsInReport") : t(EXCLUSION_SENTENCES[d().excludedBecause!])}
                  <Show when={d().supersededBy}>
                    {(later) => (
                      <>
                        {" "}
                        <Link href={`/console/replies/${encodeURIComponent(later())}`}>{t("readLaterReply")}</Link>
                      </>
                    )}
                  </Show>
                </p>
                <For each={d().questionnaire.sections}>
                  {(section) => (
                    <section aria-label={section.title}>
                      <h2>{section.title}</h2>
                      <dl class="reply-answers">
                        <For each={section.questions.filter((q) => q.type !== "note")}>
                          {(question) => {
                            const tag = () => d().tags.find((tagged) => tagged.questionId === question.id);
                            return (
                              <>
                                <dt>{question.label}</dt>
                                <dd data-question={question.id}>
                                  {readable(question, d())}
                                  <Show when={tag()}>
                                    {(tagged) => (
                                      <p class="muted">
                                        {t(
                                          !tagged().quote
                                            ? "tagged"
                                            : tagged().excerpt
                                              ? "taggedQuotedExcerpt"
                                              : "taggedQuoted",
                                          {
                                            tag: t(`tag_${tagged().tag}`),
                                            heading: reportHeadingName(tagged().heading),
                                            excerpt: tagged().excerpt ?? "",
                                          },
                                        )}
                                      </p>
                                    )}
                                  </Show>
                                </dd>
                              </>
                            );
                          }}
                        </For>
                      </dl>
                    </section>
                  )}
                </For>
                <h2>{t("attachments", { count: d().attachments.length })}</h2>
                <Show when={d().attachments.length > 0} fallback={<p class="muted">{t("noAttachments")}</p>}>
                  <ul>
                    <For each={d().attachments}>
                      {(a) => (
                        <li>
                          <a href={a.downloadUrl} download={a.fileName}>
                            {a.fileName}
                          </a>{" "}
                          {t("attachmentFacts", { size: Math.ceil(a.size / 1024), time: formatDateTime(a.receivedAt) })}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
