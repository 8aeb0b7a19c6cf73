// The wording of the campaign's e-mails (invitation, reminder): subject, body, signature, Reply-To and CC, with the
// placeholders each participant's message fills in. Organisers edit; viewers read.
import { For, Show, createResource, createSignal } from "solid-js";
import {
  MESSAGE_KINDS,
  PLACEHOLDERS,
  type CampaignMessageTemplates,
  type MessageKind,
  type MessageTemplate,
} from "../../../shared/messageTemplates";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { canChange } from "./consoleState";

const KIND_LABELS: Record<MessageKind, string> = { invitation: "Invitation", reminder: "Reminder" };

export function MessageTemplatesSection(props: { campaignId: string; onSaved: () => void }) {
  const pathOf = (campaignId: string, kind?: MessageKind) =>
    `/campaigns/${encodeURIComponent(campaignId)}/messages${kind ? `/${kind}` : ""}`;
  const [templates, { mutate }] = createResource(
    () => props.campaignId,
    async (campaignId) => {
      const result = await consoleRequest<CampaignMessageTemplates>("GET", pathOf(campaignId));
      return result.ok ? result.body : undefined;
    },
  );
  /** Saves (PUT) or resets (DELETE) one template; the problem in words, or undefined when done. */
  const save = async (kind: MessageKind, method: "PUT" | "DELETE", body?: MessageTemplate) => {
    const result = await consoleRequest<CampaignMessageTemplates>(method, pathOf(props.campaignId, kind), body);
    if (!result.ok) return result.error.message;
    mutate(result.body);
    props.onSaved();
    return undefined;
  };
  return (
    <section class="no-print" aria-labelledby="templates-heading" data-testid="message-templates">
      <h2 id="templates-heading">E-mail wording</h2>
      <p class="muted">
        Placeholders:{" "}
        <For each={Object.entries(PLACEHOLDERS)}>
          {([name, meaning], index) => (
            <>
              {index() > 0 ? "; " : ""}
              <code>{`{${name}}`}</code> {meaning}
            </>
          )}
        </For>
        .
      </p>
      <Show when={templates()}>
        {(all) => (
          <For each={MESSAGE_KINDS}>
            {(kind) => (
              <TemplateForm
                kind={kind}
                template={all()[kind]}
                isDefault={all()[kind].isDefault}
                save={(method, body) => save(kind, method, body)}
              />
            )}
          </For>
        )}
      </Show>
    </section>
  );
}

function TemplateForm(props: {
  kind: MessageKind;
  template: MessageTemplate;
  isDefault: boolean;
  save: (method: "PUT" | "DELETE", body?: MessageTemplate) => Promise<string | undefined>;
}) {
  const id = (field: string) => `template-${props.kind}-${field}`;
  const [problem, setProblem] = createSignal<string>();
  const [status, setStatus] = createSignal<string>();
  const readOnly = () => !canChange();
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "");
    const replyTo = text("replyTo").trim();
    const template: MessageTemplate = {
      subject: text("subject"),
      body: text("body"),
      signature: text("signature"),
      replyTo: replyTo === "" ? null : replyTo,
      cc: text("cc")
        .split(/[;,\s]+/)
        .filter((a) => a !== ""),
    };
    const failed = await props.save("PUT", template);
    setProblem(failed);
    setStatus(failed ? undefined : `${KIND_LABELS[props.kind]} wording saved.`);
  };
  const reset = async () => {
    const failed = await props.save("DELETE");
    setProblem(failed);
    setStatus(failed ? undefined : `${KIND_LABELS[props.kind]} wording is the office's default again.`);
  };
  return (
    <details class="card" data-testid={`template-${props.kind}`}>
      <summary>
        {KIND_LABELS[props.kind]} e-mail {props.isDefault ? "(the office's default)" : "(this campaign's own)"}
      </summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <label for={id("subject")}>Subject</label>
        <input id={id("subject")} name="subject" value={props.template.subject} readOnly={readOnly()} required />
        <label for={id("body")}>E-mail text</label>
        <textarea id={id("body")} name="body" rows="10" value={props.template.body} readOnly={readOnly()} required />
        <label for={id("signature")}>Signature</label>
        <textarea
          id={id("signature")}
          name="signature"
          rows="3"
          value={props.template.signature}
          readOnly={readOnly()}
        />
        <label for={id("replyTo")}>Reply-To (optional)</label>
        <input
          id={id("replyTo")}
          name="replyTo"
          type="email"
          value={props.template.replyTo ?? ""}
          readOnly={readOnly()}
        />
        <label for={id("cc")}>CC (optional, addresses separated by commas)</label>
        <input id={id("cc")} name="cc" value={props.template.cc.join(", ")} readOnly={readOnly()} />
        <Show when={!readOnly()}>
          <div class="button-row">
            <button type="submit" class="button primary">
              Save the {props.kind} wording
            </button>
            <Show when={!props.isDefault}>
              <button type="button" class="button" onClick={() => void reset()}>
                Use the office's default
              </button>
            </Show>
          </div>
        </Show>
        <FormProblem problem={problem()} />
        <Show when={status()}>
          <p role="status">{status()}</p>
        </Show>
      </form>
    </details>
  );
}
