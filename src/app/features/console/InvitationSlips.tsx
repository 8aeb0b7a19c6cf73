// Printed invitation slips, one per participant (name, link, code, QR, due date, how to open it), printed only once every QR has loaded.
import { For, Show, createSignal, onMount } from "solid-js";
import type { CampaignInvitation } from "../../../shared/console";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { formattingLocale } from "../../i18n/language";
import { campaignsText as t } from "./consoleText";
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
      () => setProblem(t("slipsNotLoaded")),
    );
  });
  return (
    <section class="invitation-slips" aria-labelledby="slips-heading">
      <h2 id="slips-heading" class="no-print">
        {t("slipsHeading", { count: props.invitations.length })}
      </h2>
      <Show when={problem()}>
        <p role="alert" class="no-print">
          {problem()}
        </p>
      </Show>
      <div class="button-row no-print">
        <button type="button" class="button" onClick={() => window.print()} disabled={problem() !== undefined}>
          {t("printAgain")}
        </button>
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t("closeSlips")}
        </button>
      </div>
      <div ref={slips} data-testid="invitation-slips">
        <For each={props.invitations}>
          {(i) => (
            <article
              class="invitation-slip"
              data-testid="invitation-slip"
              aria-label={t("slipFor", { who: i.participantName ?? i.code })}
            >
              <div class="slip-text">
                <p class="slip-workshop">{props.workshopTitle}</p>
                <p class="slip-name">{i.participantName ?? t("slipParticipant")}</p>
                <p>
                  {t("slipCode")} <strong class="slip-code">{i.code}</strong>
                </p>
                <p class="slip-link">{i.link}</p>
                <p>{t("slipReplyBy", { date: formatCalendarDate(props.dueOn, formattingLocale()) })}</p>
                <p class="slip-instructions">
                  {t("slipOpenOnce")}
                  <br />
                  {t("slipWorksOffline")}
                </p>
              </div>
              <img
                class="slip-qr"
                src={i.qrSvgPath}
                alt={t("slipQrAlt", { who: i.participantName ?? i.code })}
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
