// The wording of the campaign's e-mails (invitation, reminder): subject, body, signature, Reply-To and CC, with the
// placeholders each participant's message fills in. Organisers edit; viewers read. A save names the version the
// form was loaded with: when a colleague saved since, the form compares and offers to save over or take theirs.
import { For, Show, createResource, createSignal } from "solid-js";
import {
  MESSAGE_KINDS,
  PLACEHOLDERS,
  type CampaignMessageTemplates,
  type MessageKind,
  type MessageTemplate,
  type Placeholder,
  type StoredTemplate,
} from "../../../shared/messageTemplates";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { canChange } from "./consoleState";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { campaignsText as t } from "./consoleText";

/** Each kind's own sentences (French needs its own article and gender). */
const KIND_TEXT = {
  invitation: {
    summaryDefault: "invitationEmailDefault",
    summaryOwn: "invitationEmailOwn",
    save: "saveInvitationWording",
    saved: "invitationWordingSaved",
    defaultAgain: "invitationWordingDefault",
  },
  reminder: {
    summaryDefault: "reminderEmailDefault",
    summaryOwn: "reminderEmailOwn",
    save: "saveReminderWording",
    saved: "reminderWordingSaved",
    defaultAgain: "reminderWordingDefault",
  },
} as const satisfies Record<MessageKind, unknown>;
const PLACEHOLDER_TEXT = {
  name: "placeholderName",
  workshop: "placeholderWorkshop",
  link: "placeholderLink",
  code: "placeholderCode",
  due_date: "placeholderDueDate",
} as const satisfies Record<Placeholder, string>;
const fieldLabels = (): Record<keyof MessageTemplate, string> => ({
  subject: t("fieldSubject"),
  body: t("fieldBody"),
  signature: t("fieldSignature"),
  replyTo: t("fieldReplyTo"),
  cc: t("fieldCc"),
});

/** What a save or reset came to: nothing wrong, a problem in words, or a colleague's save since the form loaded. */
interface SaveOutcome {
  problem?: string;
  conflict?: EditConflict;
}

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
  /** Saves (PUT, over the version the form was loaded with) or resets (DELETE) one template. */
  const save = async (
    kind: MessageKind,
    method: "PUT" | "DELETE",
    body?: MessageTemplate & { version: number },
  ): Promise<SaveOutcome> => {
    const result = await consoleRequest<CampaignMessageTemplates>(method, pathOf(props.campaignId, kind), body);
    if (!result.ok) {
      const conflict = editConflictOf(result);
      return conflict ? { conflict } : { problem: result.error.message };
    }
    mutate(result.body);
    props.onSaved();
    return {};
  };
  /** "Use theirs": the form shows the wording as now saved, at its version. */
  const takeTheirs = (kind: MessageKind, current: StoredTemplate) =>
    mutate((all) => (all ? { ...all, [kind]: current } : all));
  return (
    <section class="no-print" aria-labelledby="templates-heading" data-testid="message-templates">
      <h2 id="templates-heading">{t("templatesHeading")}</h2>
      <p class="muted">
        {t("placeholdersIntro")}{" "}
        <For each={Object.keys(PLACEHOLDERS) as Placeholder[]}>
          {(name, index) => (
            <>
              {index() > 0 ? "; " : ""}
              <code>{`{${name}}`}</code> {t(PLACEHOLDER_TEXT[name])}
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
                save={(method, body) => save(kind, method, body)}
                takeTheirs={(current) => takeTheirs(kind, current)}
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
  template: StoredTemplate;
  save: (method: "PUT" | "DELETE", body?: MessageTemplate & { version: number }) => Promise<SaveOutcome>;
  takeTheirs: (current: StoredTemplate) => void;
}) {
  const id = (field: string) => `template-${props.kind}-${field}`;
  const [problem, setProblem] = createSignal<string>();
  const [status, setStatus] = createSignal<string>();
  const [conflict, setConflict] = createSignal<{ at: EditConflict; mine: MessageTemplate }>();
  const readOnly = () => !canChange();
  let formElement: HTMLFormElement | undefined;
  /** "Use theirs": every field shows the saved wording, also those typed in since the form was loaded. */
  const useTheirs = (current: StoredTemplate) => {
    props.takeTheirs(current);
    const fields = formElement?.elements;
    const set = (name: string, value: string) => {
      const field = fields?.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = value;
    };
    set("subject", current.subject);
    set("body", current.body);
    set("signature", current.signature);
    set("replyTo", current.replyTo ?? "");
    set("cc", current.cc.join(", "));
    setConflict(undefined);
  };
  const isDefault = () => props.template.isDefault;
  const put = async (template: MessageTemplate, version: number) => {
    const outcome = await props.save("PUT", { ...template, version });
    setProblem(outcome.problem);
    setConflict(outcome.conflict ? { at: outcome.conflict, mine: template } : undefined);
    setStatus(outcome.problem || outcome.conflict ? undefined : t(KIND_TEXT[props.kind].saved));
  };
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
    await put(template, props.template.version);
  };
  const reset = async () => {
    const { problem: failed } = await props.save("DELETE");
    setProblem(failed);
    setConflict(undefined);
    setStatus(failed ? undefined : t(KIND_TEXT[props.kind].defaultAgain));
  };
  return (
    <details class="card" data-testid={`template-${props.kind}`}>
      <summary>{t(isDefault() ? KIND_TEXT[props.kind].summaryDefault : KIND_TEXT[props.kind].summaryOwn)}</summary>
      <form
        ref={formElement}
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <label for={id("subject")}>{t("fieldSubject")}</label>
        <input id={id("subject")} name="subject" value={props.template.subject} readOnly={readOnly()} required />
        <label for={id("body")}>{t("fieldBody")}</label>
        <textarea id={id("body")} name="body" rows="10" value={props.template.body} readOnly={readOnly()} required />
        <label for={id("signature")}>{t("fieldSignature")}</label>
        <textarea
          id={id("signature")}
          name="signature"
          rows="3"
          value={props.template.signature}
          readOnly={readOnly()}
        />
        <label for={id("replyTo")}>{t("fieldReplyToOptional")}</label>
        <input
          id={id("replyTo")}
          name="replyTo"
          type="email"
          value={props.template.replyTo ?? ""}
          readOnly={readOnly()}
        />
        <label for={id("cc")}>{t("fieldCcOptional")}</label>
        <input id={id("cc")} name="cc" value={props.template.cc.join(", ")} readOnly={readOnly()} />
        <Show when={!readOnly()}>
          <div class="button-row">
            <button type="submit" class="button primary">
              {t(KIND_TEXT[props.kind].save)}
            </button>
            <Show when={!isDefault()}>
              <button type="button" class="button" onClick={() => void reset()}>
                {t("useOfficeDefault")}
              </button>
            </Show>
          </div>
        </Show>
        <FormProblem problem={problem()} />
        <Show when={conflict()}>
          {(c) => (
            <EditConflictNotice
              conflict={c().at}
              mine={c().mine}
              labels={fieldLabels()}
              onKeepMine={() => void put(c().mine, c().at.current.version)}
              onUseTheirs={() => useTheirs(c().at.current as StoredTemplate)}
            />
          )}
        </Show>
        <Show when={status()}>
          <p role="status">{status()}</p>
        </Show>
      </form>
    </details>
  );
}
