// "Deliver replies for others": reply files handed over by colleagues, sent by this phone when it is online.
import { For, Show, createSignal, onMount } from "solid-js";
import { relayedReplyFile } from "../../../shared/relay";
import type { RelayState } from "../../store/db";
import { addRelayedReply, listRelayedReplies } from "../../store/relayedReplies";
import { requestSync } from "../../sync/engineInstance";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatDateTime } from "../../ui/formatTime";
import { Link } from "../../ui/router";
import { FilePicker } from "../../ui/FilePicker";
import { t } from "../../i18n/trainerMessages";
import { replyProblemText } from "../survey/replyProblemText";

const STATE_LABELS = {
  waiting: "relayWaiting",
  sending: "relaySending",
  delivered: "relayDelivered",
  refused: "relayRefused",
} as const satisfies Record<RelayState, string>;

const MAX_REPLY_FILE_BYTES = 512 * 1024;

export default function DeliverRepliesPage() {
  const entries = createLiveQuery(() => listRelayedReplies());
  const [messages, setMessages] = createSignal<string[]>([]);

  const addFiles = async (files: FileList | null) => {
    const notes: string[] = [];
    for (const file of Array.from(files ?? [])) {
      if (file.size > MAX_REPLY_FILE_BYTES) {
        notes.push(t("fileTooLarge", { file: file.name }));
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch {
        notes.push(t("notAReplyFile", { file: file.name }));
        continue;
      }
      const result = relayedReplyFile.safeParse(parsed);
      if (!result.success) {
        notes.push(t("notAReplyFileOrNewer", { file: file.name }));
        continue;
      }
      if ((await addRelayedReply(result.data)) === "already_added") {
        notes.push(t("alreadyAdded", { file: file.name }));
        continue;
      }
      notes.push(t("addedToDeliver", { file: file.name }));
    }
    setMessages(notes);
    requestSync("relay");
  };

  onMount(async () => {
    // Arrived from the phone's share sheet: the service worker kept the file (sw.ts).
    if (!new URLSearchParams(location.search).has("shared") || !("caches" in window)) return;
    const cache = await caches.open("outrigger-shared-pack");
    const shared = await cache.match("/shared-reply");
    if (!shared) return;
    const blob = await shared.blob();
    const list = new DataTransfer();
    list.items.add(new File([blob], "shared-reply.json", { type: "application/json" }));
    await addFiles(list.files);
    await cache.delete("/shared-reply");
  });

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">{t("shareAndTrain")}</Link>
      </p>
      <h1>{t("deliverForOthers")}</h1>
      <p>{t("deliverExplained")}</p>
      <div class="card">
        <FilePicker
          id="reply-files"
          label={t("replyFiles")}
          accept=".json,application/json"
          multiple
          onFiles={addFiles}
        />
        <Show when={messages().length > 0}>
          <ul role="status">
            <For each={messages()}>{(m) => <li>{m}</li>}</For>
          </ul>
        </Show>
      </div>
      <Show when={(entries() ?? []).length > 0}>
        <h2>{t("repliesToDeliver")}</h2>
        <ul class="card-list">
          <For each={entries()}>
            {(e) => (
              <li class="card" data-testid="relayed-reply" data-state={e.state}>
                <p
                  class="state-label"
                  data-state={e.state === "delivered" ? "sent" : e.state === "refused" ? "needs_attention" : "waiting"}
                >
                  {t(STATE_LABELS[e.state])}
                </p>
                <p class="muted">
                  {t("replyOfAdded", {
                    name:
                      e.file.reply.answers.name && typeof e.file.reply.answers.name === "string"
                        ? e.file.reply.answers.name
                        : t("aParticipant"),
                    time: formatDateTime(e.addedAt),
                  })}
                </p>
                <Show when={e.receipt}>{(r) => <p>{t("receiptId", { id: r().receiptId })}</p>}</Show>
                <Show when={e.problem}>{(p) => <p class="field-error">{replyProblemText(p())}</p>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  );
}
