// One reply read in full: every question of the version it answered, the answers in words, who sent it and when,
// whether it counts, its attachments and curation tags. Reached from a campaign's reply list and from curation cards.
import { For, Show, createResource } from "solid-js";
import { ANSWER_TAG_LABELS, REPORT_HEADING_LABELS } from "../../../shared/feedback";
import type { Question } from "../../../shared/questionnaire";
import type { ReplyDetail } from "../../../shared/replyDetail";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { answerText } from "../survey/answerText";
import { withConsoleLayout } from "./ConsoleLayout";

export default withConsoleLayout(ReplyDetailPage);

const EXCLUSION_SENTENCES = {
  superseded: "Does not count: the same participant sent a later reply, which counts instead.",
  invitation_withdrawn: "Does not count: the organiser withdrew this participant's invitation.",
  archived: "Does not count: it belongs to archived data.",
} as const;

const calendarDay = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeZone: "UTC" });

/** The answer as a person reads it: option labels, "Other — specify" text, dates written out. */
function readable(question: Question, detail: ReplyDetail): string {
  const value = detail.answers[question.id];
  if (question.type === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return calendarDay.format(new Date(`${value}T00:00:00Z`));
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
      <Show when={detail()} fallback={<p class="muted">Loading…</p>}>
        {(loaded) => (
          <Show
            when={"detail" in loaded() && (loaded() as { detail: ReplyDetail }).detail}
            fallback={
              <>
                <h1>Reply not found</h1>
                <p role="alert">{(loaded() as { problem: string }).problem}</p>
              </>
            }
          >
            {(d) => (
              <>
                <p class="eyebrow">
                  FY {d().workshop.fiscalYear} ·{" "}
                  <Link href={`/console/campaigns/${encodeURIComponent(d().campaign.id)}`}>{d().workshop.title}</Link>
                </p>
                <h1>Reply from {d().respondent.name ?? d().invitationCode}</h1>
                <dl class="reply-facts">
                  <dt>Administration</dt>
                  <dd>
                    {d().administrations.find((a) => a.code === d().respondent.administrationCode)?.name ??
                      d().respondent.administrationCode ??
                      "—"}
                  </dd>
                  <dt>E-mail</dt>
                  <dd>{d().respondent.email ?? "—"}</dd>
                  <dt>Invitation code</dt>
                  <dd>{d().invitationCode}</dd>
                  <dt>Campaign</dt>
                  <dd>{d().campaign.status}</dd>
                  <dt>Submitted on the phone</dt>
                  <dd>{formatDateTime(d().submittedAt)}</dd>
                  <dt>Received by the server</dt>
                  <dd>{formatDateTime(d().receivedAt)}</dd>
                  <dt>Questionnaire</dt>
                  <dd>
                    {d().questionnaire.title}, version {d().questionnaire.version}
                  </dd>
                </dl>
                <p data-testid="reply-counts" role="note">
                  {d().excludedBecause === null ? "Counts in the report." : EXCLUSION_SENTENCES[d().excludedBecause!]}
                  <Show when={d().supersededBy}>
                    {(later) => (
                      <>
                        {" "}
                        <Link href={`/console/replies/${encodeURIComponent(later())}`}>Read the later reply</Link>
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
                            const tag = () => d().tags.find((t) => t.questionId === question.id);
                            return (
                              <>
                                <dt>{question.label}</dt>
                                <dd data-question={question.id}>
                                  {readable(question, d())}
                                  <Show when={tag()}>
                                    {(t) => (
                                      <p class="muted">
                                        Tagged {ANSWER_TAG_LABELS[t().tag]} under {REPORT_HEADING_LABELS[t().heading]}
                                        {t().quote ? `, quoted${t().excerpt ? `: “${t().excerpt}”` : ""}` : ""}
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
                <h2>Attachments ({d().attachments.length})</h2>
                <Show when={d().attachments.length > 0} fallback={<p class="muted">No attachments.</p>}>
                  <ul>
                    <For each={d().attachments}>
                      {(a) => (
                        <li>
                          <a href={a.downloadUrl} download={a.fileName}>
                            {a.fileName}
                          </a>{" "}
                          ({Math.ceil(a.size / 1024)} KB, received {formatDateTime(a.receivedAt)})
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
