// Reminders for those who have not replied: choose the recipients, read the message they will get, confirm, then
// the server sends each one once (anyone reminded within the chosen interval is skipped and reported).
import { For, Show, createMemo, createResource, createSignal } from "solid-js";
import { DEFAULT_REMINDER_INTERVAL_HOURS, type CampaignReminders, type SentReminders } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { canChange } from "./consoleState";
import { PreviewAndSend, copyAddresses } from "./emailParts";
import { campaignsText as t } from "./consoleText";
import "./organiserYear.css";

const INTERVALS = [
  { hours: 24, label: "interval24Hours" },
  { hours: 72, label: "interval3Days" },
  { hours: 168, label: "interval7Days" },
] as const;
const HOUR_MS = 60 * 60 * 1000;

export function RemindersSection(props: { campaignId: string; templatesVersion: number }) {
  const pathOf = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/reminders`;
  const [list, { refetch }] = createResource(
    () => ({ id: props.campaignId, version: props.templatesVersion }),
    async ({ id }) => {
      const result = await consoleRequest<CampaignReminders>("GET", pathOf(id));
      return result.ok ? result.body : undefined;
    },
  );
  const reminders = () => list()?.reminders ?? [];
  const [intervalHours, setIntervalHours] = createSignal(DEFAULT_REMINDER_INTERVAL_HOURS);
  const [unchecked, setUnchecked] = createSignal<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = createSignal(false);
  const [report, setReport] = createSignal<string>();

  const recentlyReminded = (remindedAt: string | null) =>
    remindedAt !== null && Date.now() - Date.parse(remindedAt) < intervalHours() * HOUR_MS;
  const chosen = createMemo(() =>
    reminders().filter((r) => r.email !== null && !recentlyReminded(r.remindedAt) && !unchecked().has(r.code)),
  );
  const toggle = (code: string, on: boolean) => {
    const next = new Set(unchecked());
    if (on) next.delete(code);
    else next.add(code);
    setUnchecked(next);
  };

  const addressesNotReplied = () => reminders().flatMap((r) => (r.email !== null ? [r.email] : []));
  const send = async () => {
    if (busy()) return;
    setBusy(true);
    const result = await consoleRequest<SentReminders>("POST", `${pathOf(props.campaignId)}/send`, {
      codes: chosen().map((r) => r.code),
      skipIfRemindedWithinHours: intervalHours(),
    });
    setBusy(false);
    if (!result.ok) return setReport(result.error.message);
    const { sent, skipped, failed } = result.body;
    const recent = skipped.filter((s) => s.reason === "reminded_recently").length;
    setReport(
      [
        t("remindersSent", { count: sent.length }),
        recent > 0 ? t("skippedRecently", { hours: intervalHours(), count: recent }) : "",
        skipped.length - recent > 0 ? t("skippedOther", { count: skipped.length - recent }) : "",
        failed.length > 0 ? t("failed", { list: failed.map((f) => `${f.code} (${f.reason})`).join("; ") }) : "",
      ]
        .filter((part) => part !== "")
        .join(" "),
    );
    void refetch();
  };

  return (
    <section class="no-print" aria-labelledby="reminders-heading" data-testid="reminders">
      <h2 id="reminders-heading">{t("remindersHeading", { count: reminders().length })}</h2>
      <Show when={reminders().length > 0}>
        <label for="reminder-interval">{t("skipWithin")}</label>
        <select
          id="reminder-interval"
          value={intervalHours()}
          onChange={(e) => {
            setIntervalHours(Number(e.currentTarget.value));
          }}
        >
          <For each={INTERVALS}>{(i) => <option value={i.hours}>{t(i.label)}</option>}</For>
        </select>
        <fieldset class="choices">
          <legend class="question-label">{t("recipients")}</legend>
          <For each={reminders()}>
            {(r) => (
              <div class="reminder-recipient">
                <Show
                  when={r.email !== null}
                  fallback={<span>{t("noEmailAddress", { who: r.participantName ?? r.code })}</span>}
                >
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={!recentlyReminded(r.remindedAt) && !unchecked().has(r.code)}
                      disabled={recentlyReminded(r.remindedAt)}
                      onChange={(e) => toggle(r.code, e.currentTarget.checked)}
                    />
                    <span>
                      {r.participantName ?? r.code} ({r.email})
                      <Show when={r.remindedAt}>
                        {(at) => <span class="muted">{t("remindedAt", { at: formatDateTime(at()) })}</span>}
                      </Show>
                    </span>
                  </label>
                  <a href={r.mailto!}>{t("writeItYourself")}</a>
                </Show>
              </div>
            )}
          </For>
        </fieldset>
        <PreviewAndSend
          what="reminder"
          chosen={chosen()}
          canSend={list()?.smtpConfigured === true && canChange()}
          busy={busy()}
          onConfirm={send}
        />
      </Show>
      <Show when={reminders().some((r) => r.email !== null)}>
        <div class="button-row">
          <button
            type="button"
            class="button"
            onClick={() => void copyAddresses(addressesNotReplied()).then(setReport)}
          >
            {t("copyAllAddresses")}
          </button>
          <a
            class="button"
            href={`/api/console${pathOf(props.campaignId).replace(/reminders$/, "invitations.csv")}`}
            download=""
          >
            {t("downloadMailMerge")}
          </a>
        </div>
      </Show>
      <Show when={report()}>
        <p role="status" data-testid="reminder-report">
          {report()}
        </p>
      </Show>
    </section>
  );
}
