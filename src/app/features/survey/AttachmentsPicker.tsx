// Optional files with a reply (the workshop report, photos of an in-house session, a new SOP),
// kept on the phone with the draft and uploaded after the reply is sent.
import { For, Show, createSignal } from "solid-js";
import { addAttachment, listReplyAttachments, removeAttachment } from "../../store/attachments";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatBytes } from "../library/formatBytes";
import { FormProblem } from "../../ui/FormProblem";
import { FilePicker } from "../../ui/FilePicker";
import { t } from "../../i18n/replyMessages";
import { attachmentRefusalText, attachmentStateText } from "./attachmentStateText";

export function AttachmentList(props: { replyId: string; editable: boolean }) {
  const attachments = createLiveQuery(() => listReplyAttachments(props.replyId));
  return (
    <Show when={(attachments() ?? []).length > 0}>
      <ul class="attachments" data-testid="attachments">
        <For each={attachments()}>
          {(a) => (
            <li data-state={a.state}>
              <span>
                {a.name} <span class="muted">({formatBytes(a.size)})</span> · {attachmentStateText(a)}
              </span>
              <Show when={props.editable && a.state === "on_phone"}>
                <button
                  type="button"
                  class="button small"
                  onClick={() => void removeAttachment(a.id)}
                  aria-label={t("removeAttachment", { name: a.name })}
                >
                  {t("remove")}
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

export function AttachmentsPicker(props: { replyId: string }) {
  const [problem, setProblem] = createSignal<string>();
  const add = async (files: FileList | null) => {
    setProblem(undefined);
    for (const file of Array.from(files ?? [])) {
      const result = await addAttachment(props.replyId, file);
      if (!result.ok) setProblem(attachmentRefusalText(result.refusal));
    }
  };
  return (
    <section class="card" aria-labelledby="attachments-heading">
      <h3 id="attachments-heading">{t("attachmentsHeading")}</h3>
      <p class="muted">{t("attachmentsExplained")}</p>
      <FilePicker
        id="attachment-files"
        label={t("addFiles")}
        multiple
        accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.pptx,.txt,application/pdf,image/jpeg,image/png,image/webp,text/plain"
        onFiles={add}
      />
      <FormProblem problem={problem()} />
      <AttachmentList replyId={props.replyId} editable />
    </section>
  );
}
