// What the campaign's e-mail sections share: the message as one participant will get it, and "send to N?" confirmed
// before anything goes out.
import { Show, createSignal, type JSX } from "solid-js";

export function MessagePreview(props: { who: string; subject: string; body: string; testId: string }) {
  return (
    <div class="reminder-preview" data-testid={props.testId}>
      <h3>Message preview (as {props.who} will get it)</h3>
      <p>
        <strong>Subject:</strong> {props.subject}
      </p>
      <pre>{props.body}</pre>
    </div>
  );
}

/** The first chosen recipient's message, then the confirmed send (for organisers, when the server can send). */
export function PreviewAndSend(props: {
  what: string;
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

const people = (n: number) => `${n} ${n === 1 ? "person" : "people"}`;

/** A button that first asks; `onConfirm` runs once per confirmation, never while a send is under way. */
export function ConfirmedSend(props: {
  what: string;
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
          E-mail the {props.what} to {people(props.count)}…
        </button>
      }
    >
      <div class="button-row" role="group" aria-label="Confirm sending">
        <p>
          Send the {props.what} to {people(props.count)} now?
        </p>
        <button type="button" class="button primary" disabled={props.busy} onClick={() => void confirm()}>
          Send now
        </button>
        <button type="button" class="button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </Show>
  );
}

/** Addresses for the To or Bcc line of the office's own mail program; says so when the browser refuses the clipboard. */
export async function copyAddresses(addresses: string[]): Promise<string> {
  try {
    await navigator.clipboard.writeText(addresses.join("; "));
    return `${addresses.length} addresses copied.`;
  } catch {
    return `The browser did not allow copying. The addresses: ${addresses.join("; ")}`;
  }
}
