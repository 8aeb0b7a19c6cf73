// The invitation e-mail: who gets it (those not yet invited and without a reply), the message they will get,
// confirmed before it goes; each participant gets it once, however often the button is pressed.
import { For, Show, createMemo, createResource, createSignal } from "solid-js";
import type { CampaignInvitationEmails, SentInvitationEmails } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { canChange } from "./consoleState";
import { PreviewAndSend, copyAddresses } from "./emailParts";
import { campaignsText as t } from "./consoleText";
import "./organiserYear.css";

export function InvitationEmailsSection(props: { campaignId: string; templatesVersion: number }) {
  const pathOf = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/invitation-emails`;
  const [list, { refetch }] = createResource(
    () => ({ id: props.campaignId, version: props.templatesVersion }),
    async ({ id }) => {
      const result = await consoleRequest<CampaignInvitationEmails>("GET", pathOf(id));
      return result.ok ? result.body : undefined;
    },
  );
  const emails = () => list()?.emails ?? [];
  const [unchecked, setUnchecked] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [report, setReport] = createSignal<string>();
  const waiting = createMemo(() => emails().filter((e) => e.email !== null && e.emailedAt === null && !e.replied));
  const chosen = createMemo(() => waiting().filter((e) => !unchecked().has(e.code)));
  const toggle = (code: string, on: boolean) => {
    const next = new Set(unchecked());
    if (on) next.delete(code);
    else next.add(code);
    setUnchecked(next);
  };

  const send = async () => {
    setBusy(true);
    const result = await consoleRequest<SentInvitationEmails>("POST", `${pathOf(props.campaignId)}/send`, {
      codes: chosen().map((e) => e.code),
    });
    setBusy(false);
    if (!result.ok) return setReport(result.error.message);
    const { sent, skipped, failed } = result.body;
    setReport(
      [
        t("invitationsSent", { count: sent.length }),
        skipped.length > 0 ? t("skippedInvited", { count: skipped.length }) : "",
        failed.length > 0 ? t("failed", { list: failed.map((f) => `${f.code} (${f.reason})`).join("; ") }) : "",
      ]
        .filter((part) => part !== "")
        .join(" "),
    );
    void refetch();
  };

  return (
    <section class="no-print" aria-labelledby="invitation-emails-heading" data-testid="invitation-emails">
      <h2 id="invitation-emails-heading">
        {t("invitationEmailHeading", {
          sent: emails().filter((e) => e.emailedAt !== null).length,
          total: emails().length,
        })}
      </h2>
      <Show when={waiting().length > 0} fallback={<p class="muted">{t("everyoneInvited")}</p>}>
        <fieldset class="choices">
          <legend class="question-label">{t("notYetInvited")}</legend>
          <For each={waiting()}>
            {(e) => (
              <div class="reminder-recipient">
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={!unchecked().has(e.code)}
                    onChange={(event) => toggle(e.code, event.currentTarget.checked)}
                  />
                  <span>
                    {e.participantName ?? e.code} ({e.email})
                  </span>
                </label>
                <a href={e.mailto!}>{t("writeItYourself")}</a>
              </div>
            )}
          </For>
        </fieldset>
        <PreviewAndSend
          what="invitation"
          chosen={chosen()}
          canSend={list()?.smtpConfigured === true && canChange()}
          busy={busy()}
          onConfirm={send}
        />
      </Show>
      <Show when={emails().some((e) => e.emailedAt !== null)}>
        <details>
          <summary>{t("alreadyInvited")}</summary>
          <ul class="link-list">
            <For each={emails().filter((e) => e.emailedAt !== null)}>
              {(e) => (
                <li>
                  {e.participantName ?? e.code} ({e.email}) · {formatDateTime(e.emailedAt!)}
                </li>
              )}
            </For>
          </ul>
        </details>
      </Show>
      <Show when={emails().some((e) => e.email !== null)}>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() =>
              void copyAddresses(emails().flatMap((e) => (e.email !== null ? [e.email] : []))).then(setReport)
            }
          >
            {t("copyAllAddresses")}
          </button>
        </div>
      </Show>
      <Show when={report()}>
        <p role="status" data-testid="invitation-report">
          {report()}
        </p>
      </Show>
    </section>
  );
}
