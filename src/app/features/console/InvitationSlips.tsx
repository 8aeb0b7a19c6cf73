// Printed invitation slips, one per participant (name, link, code, QR, due date, how to open it), printed only once every QR has loaded.
import { For, Show, createSignal, onMount } from "solid-js";
import type { CampaignInvitation } from "../../../shared/console";
import { formatCalendarDate } from "../../../shared/calendarDate";
import "./invitationSlips.css";

/** Resolves once the image has pixels; rejects when it cannot load (a QR missing from a slip is worse than no print). */
async function loaded(image: HTMLImageElement): Promise<void> {
  if (image.complete && image.naturalWidth > 0) return;
  await image.decode();
}

export function InvitationSlips(props: {
  invitations: CampaignInvitation[];
  dueOn: string;
  workshopTitle: string;
  onClose: () => void;
}) {
  let slips!: HTMLDivElement;
  const [problem, setProblem] = createSignal<string>();
  onMount(() => {
    // Printing before a QR has arrived would put an empty square on the slip.
    void Promise.all([...slips.querySelectorAll("img")].map(loaded)).then(
      () => window.print(),
      () => setProblem("Some QR codes did not load, so nothing was printed. Check the connection and try again."),
    );
  });
  return (
    <section class="invitation-slips" aria-labelledby="slips-heading">
      <h2 id="slips-heading" class="no-print">
        Invitation slips ({props.invitations.length})
      </h2>
      <Show when={problem()}>
        <p role="alert" class="no-print">
          {problem()}
        </p>
      </Show>
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()} disabled={problem() !== undefined}>
          Print again
        </button>
        <button type="button" class="button" onClick={() => props.onClose()}>
          Close the slips
        </button>
      </div>
      <div ref={slips} data-testid="invitation-slips">
        <For each={props.invitations}>
          {(i) => (
            <article
              class="invitation-slip"
              data-testid="invitation-slip"
              aria-label={`Slip for ${i.participantName ?? i.code}`}
            >
              <div class="slip-text">
                <p class="slip-workshop">{props.workshopTitle}</p>
                <p class="slip-name">{i.participantName ?? "Participant"}</p>
                <p>
                  Code: <strong class="slip-code">{i.code}</strong>
                </p>
                <p class="slip-link">{i.link}</p>
                <p>Please reply by {formatCalendarDate(props.dueOn)}.</p>
                <p class="slip-instructions">
                  Open the link (or scan the code) once while online.
                  <br />
                  It then works offline, also without signal.
                </p>
              </div>
              <img
                class="slip-qr"
                src={i.qrSvgPath}
                alt={`QR code of the link for ${i.participantName ?? i.code}`}
                width="128"
                height="128"
              />
            </article>
          )}
        </For>
      </div>
    </section>
  );
}
