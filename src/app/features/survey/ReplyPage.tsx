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
import { t } from "../../i18n/coreMessages";
import { OUTBOX_STATE_MESSAGES } from "../home/outboxStateMessages";

const STATE_EXPLANATIONS = {
  waiting:
    "Your reply is saved on this phone. It will be sent automatically as soon as the organiser's server can be reached — you can close the app.",
  sending: "Sending your reply now…",
  sent: "The organiser has your reply. It stays here as your record.",
  needs_attention: "The organiser's server did not accept this reply. It is still saved on this phone.",
} as const;

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
      <Show when={view()} fallback={<p class="muted">Loading…</p>}>
        {(v) => (
          <Show
            when={v().entry}
            fallback={
              <section class="card">
                <h1>Reply not found</h1>
                <p>This reply is not on this phone.</p>
                <Link class="button" href="/">
                  Home
                </Link>
              </section>
            }
          >
            {(entry) => (
              <>
                <p class="eyebrow">{v().workshop?.title}</p>
                <h1>Your reply</h1>
                <section class={`card status-card state-${entry().state}`} data-testid="reply-status">
                  <p class="state-label big" data-state={entry().state}>
                    {t(OUTBOX_STATE_MESSAGES[entry().state])}
                  </p>
                  <p>{STATE_EXPLANATIONS[entry().state]}</p>
                  <Show when={entry().state === "sent" && entry().receipt}>
                    {(receipt) => (
                      <p>
                        Receipt <strong data-testid="receipt-id">{receipt().receiptId}</strong>, received{" "}
                        {formatDateTime(receipt().receivedAt)}.
                      </p>
                    )}
                  </Show>
                  <Show when={entry().state === "waiting"}>
                    <p class="muted">
                      Submitted {formatDateTime(entry().reply.submittedAt)}. Attempts so far: {entry().attempts}.
                    </p>
                    <div class="button-column">
                      <button type="button" class="button" onClick={() => requestSync("user")}>
                        Try sending now
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
                        Give it to someone to deliver
                      </button>
                    </div>
                    <p class="muted">
                      No connection for a long time? Save the reply as a file and give it to a colleague whose phone
                      goes online; it is sent only once, and this phone shows it sent later.
                    </p>
                    <Show when={relayProblem()}>
                      <p class="field-error">{relayProblem()}</p>
                    </Show>
                  </Show>
                  <Show when={entry().state === "needs_attention"}>
                    <div class="problem" role="alert" data-testid="reply-problem">
                      <p>
                        <strong>Reason:</strong> {entry().problem?.message}
                      </p>
                      <Show when={(entry().problem?.details ?? []).length > 0}>
                        <ul>
                          <For each={entry().problem?.details}>{(d) => <li>{d.message}</li>}</For>
                        </ul>
                      </Show>
                    </div>
                    <div class="button-column">
                      <button type="button" class="button primary" onClick={() => void fix()}>
                        Fix and send again
                      </button>
                      <button type="button" class="button" onClick={() => void download()}>
                        Save the reply as a file
                      </button>
                      <Show
                        when={confirmingDiscard()}
                        fallback={
                          <button type="button" class="button danger" onClick={() => setConfirmingDiscard(true)}>
                            Discard this reply…
                          </button>
                        }
                      >
                        <div class="confirm" role="alertdialog" aria-labelledby="discard-question">
                          <p id="discard-question">
                            Delete this reply from this phone for good? The organiser never received it. Consider saving
                            it as a file first.
                          </p>
                          <div class="button-row">
                            <button type="button" class="button" onClick={() => setConfirmingDiscard(false)}>
                              Keep it
                            </button>
                            <button
                              type="button"
                              class="button danger"
                              onClick={async () => {
                                await discardReply(entry().id);
                                navigate("/", { replace: true });
                              }}
                            >
                              Yes, delete it
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
                      <h2>Your answers</h2>
                      <dl>
                        <For
                          each={definition()
                            .sections.flatMap((s) => s.questions)
                            .filter((q) => isQuestionVisible(q, entry().reply.answers, definition()))}
                        >
                          {(q) => (
                            <>
                              <dt>{q.label}</dt>
                              <dd class="answer">
                                {answerText(q, entry().reply.answers[q.id], v().administrations ?? [])}
                              </dd>
                            </>
                          )}
                        </For>
                      </dl>
                      <p class="muted">
                        A copy as a text file: share it to your e-mail or notes, or keep it on the phone.
                      </p>
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
                        Keep a copy of my reply
                      </button>
                    </section>
                  )}
                </Show>
                <Link class="button" href="/">
                  Back to your questionnaires
                </Link>
              </>
            )}
          </Show>
        )}
      </Show>
    </main>
  );
}
