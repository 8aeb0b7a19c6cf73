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
import { t as coreText } from "../../i18n/coreMessages";
import { t } from "../../i18n/replyMessages";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { OUTBOX_STATE_MESSAGES } from "../home/outboxStateMessages";

const STATE_EXPLANATIONS = {
  waiting: "explainWaiting",
  sending: "explainSending",
  sent: "explainSent",
  needs_attention: "explainNeedsAttention",
} as const;

const RECEIPT_MARK = "\u0000";
/** The receipt sentence around its id, in the language's own order; the id itself is set in bold between. */
const receiptText = (time: string) => t("receipt", { id: RECEIPT_MARK, time }).split(RECEIPT_MARK);

export function ReplyPage() {
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const [confirmingDiscard, setConfirmingDiscard] = createSignal(false);
  const [relayProblem, setRelayProblem] = createSignal<string>();
  const view = createLiveQuery(() => loadReplyView(params.id));

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
                <h1>{t("replyNotFound")}</h1>
                <p>{t("replyNotOnPhone")}</p>
                <Link class="button" href="/">
                  {t("home")}
                </Link>
              </section>
            }
          >
            {(entry) => (
              <>
                <p class="eyebrow">{v().workshop?.title}</p>
                <h1>{t("yourReply")}</h1>
                <section class={`card status-card state-${entry().state}`} data-testid="reply-status">
                  <p class="state-label big" data-state={entry().state}>
                    {coreText(OUTBOX_STATE_MESSAGES[entry().state])}
                  </p>
                  <p>{t(STATE_EXPLANATIONS[entry().state])}</p>
                  <Show when={entry().state === "sent" && entry().receipt}>
                    {(receipt) => (
                      <p>
                        {receiptText(formatDateTime(receipt().receivedAt))[0]}
                        <strong data-testid="receipt-id">{receipt().receiptId}</strong>
                        {receiptText(formatDateTime(receipt().receivedAt))[1]}
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
                          setRelayProblem(result.ok ? undefined : result.message);
                        }}
                      >
                        {t("giveToDeliver")}
                      </button>
                    </div>
                    <p class="muted">{t("relayExplained")}</p>
                    <Show when={relayProblem()}>
                      <p class="field-error">{relayProblem()}</p>
                    </Show>
                  </Show>
                  <Show when={entry().state === "needs_attention"}>
                    <div class="problem" role="alert" data-testid="reply-problem">
                      <p>
                        <strong>{t("reason")}</strong> {entry().problem?.message}
                      </p>
                      <Show when={(entry().problem?.details ?? []).length > 0}>
                        <ul>
                          <For each={entry().problem?.details}>{(d) => <li>{d.message}</li>}</For>
                        </ul>
                      </Show>
                    </div>
                    <div class="button-column">
                      <button type="button" class="button primary" onClick={() => void fix()}>
                        {t("fixAndSend")}
                      </button>
                      <button type="button" class="button" onClick={() => void download()}>
                        {t("saveAsFile")}
                      </button>
                      <Show
                        when={confirmingDiscard()}
                        fallback={
                          <button type="button" class="button danger" onClick={() => setConfirmingDiscard(true)}>
                            {t("discard")}
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
                              {t("yesDelete")}
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
                    <section class="card">
                      <h2>{t("yourAnswers")}</h2>
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
