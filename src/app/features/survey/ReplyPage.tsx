// One submitted reply: where it is (waiting, sending, sent, needs attention) and what can be done.
import { Link, useNavigate, useParams } from "../../ui/router";
import { For, Show, createSignal } from "solid-js";
import { isQuestionVisible } from "../../../shared/visibility";
import { discardReply, exportReplyFile } from "../../store/outbox";
import { reopenForFix } from "../../store/drafts";
import { loadReplyView } from "../../store/replyView";
import { requestSync } from "../../sync/engineInstance";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatDateTime } from "../../ui/formatTime";
import { answerText } from "./answerText";
import { AttachmentList } from "./AttachmentsPicker";
import { keepReplyCopy } from "./replyCopy";
import { answerProblemLines, relayExportProblemText, replyProblemText } from "./replyProblemText";
import { t as tCore } from "../../i18n/coreMessages";
import { t } from "../../i18n/replyMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import type { OutboxState } from "../../store/db";
import { OUTBOX_STATE_MESSAGES } from "../home/outboxStateMessages";

const STATE_EXPLANATIONS = {
  waiting: "explainWaiting",
  sending: "explainSending",
  sent: "explainSent",
  needs_attention: "explainNeedsAttention",
} as const satisfies Record<OutboxState, string>;

export function ReplyPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [confirmingDiscard, setConfirmingDiscard] = createSignal(false);
  const [relayProblem, setRelayProblem] = createSignal<string>();
  const view = createLiveQuery(() => loadReplyView(params.id));
  const problemLines = () => {
    const current = view();
    const entry = current?.entry;
    if (!current || !entry) return [];
    return answerProblemLines(entry.problem, current.definition, entry.reply.answers, current.administrations ?? []);
  };

  const download = async () => {
    const file = await exportReplyFile(params.id);
    const url = URL.createObjectURL(new Blob([file.json], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = file.filename;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const fix = async () => {
    const entry = view()?.entry;
    if (!entry) return;
    await reopenForFix(entry.id);
    navigate(`/survey/${entry.reply.invitationCode}`);
  };

  return (
    <main class="page">
      <Show when={view()} fallback={<p class="muted">{t("loading")}</p>}>
        {(v) => (
          <Show
            when={v().entry}
            fallback={
              <section class="card">
                <h1>{t("notFoundHeading")}</h1>
                <p>{t("notFoundExplained")}</p>
                <Link class="button" href="/">
                  {t("home")}
                </Link>
              </section>
            }
          >
            {(entry) => (
              <>
                <p class="eyebrow">{v().workshop?.title}</p>
                <h1>{t("heading")}</h1>
                <section class={`card status-card state-${entry().state}`} data-testid="reply-status">
                  <p class="state-label big" data-state={entry().state}>
                    {tCore(OUTBOX_STATE_MESSAGES[entry().state])}
                  </p>
                  <p>{t(STATE_EXPLANATIONS[entry().state])}</p>
                  <Show when={entry().state === "sent" && entry().receipt}>
                    {(receipt) => (
                      <p>
                        {t("receipt")} <strong data-testid="receipt-id">{receipt().receiptId}</strong>
                        {t("receivedOn", { time: formatDateTime(receipt().receivedAt) })}
                      </p>
                    )}
                  </Show>
                  <Show when={entry().state === "waiting"}>
                    <p class="muted">
                      {t("submittedAttempts", {
                        time: formatDateTime(entry().reply.submittedAt),
                        attempts: entry().attempts,
                      })}
                    </p>
                    <div class="button-column">
                      <button type="button" class="button" onClick={() => requestSync("user")}>
                        {t("trySendingNow")}
                      </button>
                      <button
                        type="button"
                        class="button"
                        onClick={async () => {
                          const { shareReplyForDelivery } = await import("./relayExport");
                          const result = await shareReplyForDelivery(entry().id);
                          setRelayProblem(result.ok ? undefined : relayExportProblemText(result));
                        }}
                      >
                        {t("giveToDeliver")}
                      </button>
                    </div>
                    <p class="muted">{t("deliveryExplained")}</p>
                    <Show when={relayProblem()}>
                      <p class="field-error">{relayProblem()}</p>
                    </Show>
                  </Show>
                  <Show when={entry().state === "needs_attention"}>
                    <div class="problem" role="alert" data-testid="reply-problem">
                      <p>
                        <strong>{t("reason")}</strong> {replyProblemText(entry().problem)}
                      </p>
                      <Show when={problemLines().length > 0}>
                        <ul>
                          <For each={problemLines()}>{(line) => <li>{line}</li>}</For>
                        </ul>
                      </Show>
                    </div>
                    <div class="button-column">
                      <button type="button" class="button primary" onClick={() => void fix()}>
                        {t("fixAndSendAgain")}
                      </button>
                      <button type="button" class="button" onClick={() => void download()}>
                        {t("saveAsFile")}
                      </button>
                      <Show
                        when={confirmingDiscard()}
                        fallback={
                          <button type="button" class="button danger" onClick={() => setConfirmingDiscard(true)}>
                            {t("discardReply")}
                          </button>
                        }
                      >
                        <div class="confirm" role="alertdialog" aria-labelledby="discard-question">
                          <p id="discard-question">{t("discardQuestion")}</p>
                          <div class="button-row">
                            <button type="button" class="button" onClick={() => setConfirmingDiscard(false)}>
                              {t("keepIt")}
                            </button>
                            <button
                              type="button"
                              class="button danger"
                              onClick={async () => {
                                await discardReply(entry().id);
                                navigate("/", { replace: true });
                              }}
                            >
                              {t("yesDeleteIt")}
                            </button>
                          </div>
                        </div>
                      </Show>
                    </div>
                  </Show>
                </section>
                <AttachmentList replyId={entry().id} editable={false} />
                <Show when={v().definition}>
                  {(definition) => (
                    <section class="card" aria-labelledby="your-answers">
                      <h2 id="your-answers">{t("yourAnswers")}</h2>
                      <dl>
                        <For
                          each={definition()
                            .sections.flatMap((s) => s.questions)
                            .filter((q) => isQuestionVisible(q, entry().reply.answers, definition()))}
                        >
                          {(q) => (
                            <>
                              <dt>{inChosenLanguage(q.label, q.labels)}</dt>
                              <dd class="answer">
                                {answerText(q, entry().reply.answers[q.id], v().administrations ?? [])}
                              </dd>
                            </>
                          )}
                        </For>
                      </dl>
                      <p class="muted">{t("copyExplained")}</p>
                      <button
                        type="button"
                        class="button"
                        onClick={() =>
                          void keepReplyCopy({
                            entry: entry(),
                            definition: definition(),
                            workshopTitle: v().workshop?.title,
                            administrations: v().administrations ?? [],
                          })
                        }
                      >
                        {t("keepCopy")}
                      </button>
                    </section>
                  )}
                </Show>
                <Link class="button" href="/">
                  {t("backToQuestionnaires")}
                </Link>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
