// What the campaign's e-mail sections share: the message as one participant will get it, and "send to N?" confirmed
// before anything goes out.
import { Show, createSignal, type JSX } from "solid-js";
import { campaignsText as t } from "./consoleText";

/** What is sent: each has its own sentences (French needs its own article and gender). */
export type EmailKind = "invitation" | "reminder";

export function MessagePreview(props: { who: string; subject: string; body: string; testId: string }) {
  return (
    <div class="reminder-preview" data-testid={props.testId}>
      <h3>{t("previewHeading", { who: props.who })}</h3>
      <p>
        <strong>{t("subject")}</strong> {props.subject}
      </p>
      <pre>{props.body}</pre>
    </div>
  );
}

/** The first chosen recipient's message, then the confirmed send (for organisers, when the server can send). */
export function PreviewAndSend(props: {
  what: EmailKind;
  chosen: readonly { code: string; participantName: string | null; subject: string; body: string }[];
  canSend: boolean;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
}) {
  return (
    <>
      <Show when={props.chosen[0]}>
        {(first) => (
          <MessagePreview
            who={first().participantName ?? first().code}
            subject={first().subject}
            body={first().body}
            testId={`${props.what}-preview`}
          />
        )}
      </Show>
      <Show when={props.canSend}>
        <ConfirmedSend what={props.what} count={props.chosen.length} busy={props.busy} onConfirm={props.onConfirm} />
      </Show>
    </>
  );
}

const people = (n: number) => t(n === 1 ? "onePerson" : "manyPeople", { count: n });

/** A button that first asks; `onConfirm` runs once per confirmation, never while a send is under way. */
export function ConfirmedSend(props: {
  what: EmailKind;
  count: number;
  busy: boolean;
  onConfirm: () => Promise<unknown>;
  children?: JSX.Element;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const confirm = async () => {
    if (props.busy) return;
    await props.onConfirm();
    setConfirming(false);
  };
  return (
    <Show
      when={confirming() && props.count > 0}
      fallback={
        <button type="button" class="button primary" disabled={props.count === 0} onClick={() => setConfirming(true)}>
          {t(props.what === "invitation" ? "emailInvitationTo" : "emailReminderTo", { people: people(props.count) })}
        </button>
      }
    >
      <div class="button-row" role="group" aria-label={t("confirmSending")}>
        <p>
          {t(props.what === "invitation" ? "sendInvitationNow" : "sendReminderNow", { people: people(props.count) })}
        </p>
        <button type="button" class="button primary" disabled={props.busy} onClick={() => void confirm()}>
          {t("sendNow")}
        </button>
        <button type="button" class="button" onClick={() => setConfirming(false)}>
          {t("cancel")}
        </button>
      </div>
    </Show>
  );
}

/** Addresses for the To or Bcc line of the office's own mail program; says so when the browser refuses the clipboard. */
export async function copyAddresses(addresses: string[]): Promise<string> {
  try {
    await navigator.clipboard.writeText(addresses.join("; "));
    return t("addressesCopied", { count: addresses.length });
  } catch {
    return t("copyRefused", { addresses: addresses.join("; ") });
  }
}
