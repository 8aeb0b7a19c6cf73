// A workshop's follow-up campaigns, and opening a new one with the office's usual timing.
import { For, Show, createResource, createSignal } from "solid-js";
import type { CampaignDetail, CampaignSummary, QuestionnaireVersionList } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDate } from "../../ui/formatTime";
import { formatCalendarDate, startOfLocalDay } from "../../../shared/calendarDate";
import { followUpDaysAfterMonth } from "../../../shared/followUpSchedule";
import { Link, navigate } from "../../ui/router";
import { canChange } from "./consoleState";
import { FormProblem } from "../../ui/FormProblem";
import { formattingLocale } from "../../i18n/language";
import { workshopsText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

const FOLLOW_UP_QUESTIONNAIRE = "follow-up";
const STATUS_KEYS = { open: "statusOpen", closed: "statusClosed", withdrawn: "statusWithdrawn" } as const;

export function CampaignsSection(props: { workshopId: string; participantCount: number; workshopMonth?: string }) {
  const [campaigns] = createResource(
    () => props.workshopId,
    async (id) => {
      const result = await consoleRequest<{ campaigns: CampaignSummary[] }>(
        "GET",
        `/workshops/${encodeURIComponent(id)}/campaigns`,
      );
      return result.ok ? result.body.campaigns : [];
    },
  );
  const [versions] = createResource(async () => {
    const result = await consoleRequest<QuestionnaireVersionList>("GET", "/questionnaires");
    // Campaigns run only on published versions (the server refuses drafts and retired ones): offer only those.
    return result.ok
      ? result.body.questionnaires.filter((q) => q.id === FOLLOW_UP_QUESTIONNAIRE && q.status === "published")
      : [];
  });
  // Empty: the newest version, which the server picks.
  const [version, setVersion] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const [opensOn, setOpensOn] = createSignal("");
  const [dueOn, setDueOn] = createSignal("");
  const [late, setLate] = createSignal(true);
  const open = async () => {
    // Empty dates keep the office's defaults (six months after the workshop, due three weeks later); a workshop
    // known only by its month gets them from the month here, so the opening is this organiser's midnight.
    const fromMonth =
      props.workshopMonth && !opensOn() && !dueOn() ? followUpDaysAfterMonth(props.workshopMonth) : undefined;
    const opensDay = opensOn() || fromMonth?.opensOn;
    const dueDay = dueOn() || fromMonth?.dueOn;
    const body = {
      lateRepliesAccepted: late(),
      ...(version() ? { questionnaireId: FOLLOW_UP_QUESTIONNAIRE, questionnaireVersion: Number(version()) } : {}),
      // The organiser's day begins at their own midnight, not UTC's.
      ...(opensDay ? { opensAt: startOfLocalDay(opensDay).toISOString() } : {}),
      ...(dueDay ? { dueOn: dueDay } : {}),
    };
    const result = await consoleRequest<CampaignDetail>(
      "POST",
      `/workshops/${encodeURIComponent(props.workshopId)}/campaigns`,
      body,
    );
    if (!result.ok) return setProblem(result.error.message);
    navigate(`/console/campaigns/${result.body.campaign.id}`);
  };
  return (
    <section class="card" aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">{t("followUpCampaigns")}</h2>
      <Show when={(campaigns() ?? []).length > 0} fallback={<p class="muted">{t("noCampaignYetLong")}</p>}>
        <ul class="link-list">
          <For each={campaigns()}>
            {(c) => (
              <li data-testid="campaign-summary">
                <Link href={`/console/campaigns/${c.id}`}>
                  {t("campaignOpensDue", {
                    opens: formatDate(c.opensAt),
                    due: formatCalendarDate(c.dueOn, formattingLocale()),
                  })}
                </Link>{" "}
                <span class="muted">
                  {t("campaignFacts", {
                    version: c.questionnaireVersion,
                    status: t(STATUS_KEYS[c.status]),
                    replied: c.replied,
                    invited: c.invited,
                  })}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={canChange()}>
        <p class="muted">{t("newCampaignExplained")}</p>
        <details>
          <summary>{t("otherVersionOrDates")}</summary>
          <label for="c-version">{t("questionnaireVersion")}</label>
          <select id="c-version" value={version()} onChange={(e) => setVersion(e.currentTarget.value)}>
            <option value="">
              {t("theNewest", {
                version: versions()?.[0] ? t("versionNumber", { number: versions()?.[0]?.version ?? "" }) : "…",
              })}
            </option>
            <For each={versions()}>
              {(v) => (
                <option value={String(v.version)}>
                  {t("versionOption", { number: v.version, title: v.title, questions: v.questions })}
                </option>
              )}
            </For>
          </select>
          <LabelledInput id="c-opens" label={t("opensOnOptional")} type="date" value={opensOn()} onValue={setOpensOn} />
          <LabelledInput id="c-due" label={t("dueOnOptional")} type="date" value={dueOn()} onValue={setDueOn} />
          <label class="choice">
            <input type="checkbox" checked={late()} onChange={(e) => setLate(e.currentTarget.checked)} />
            <span>{t("acceptLate")}</span>
          </label>
        </details>
        <button
          type="button"
          class="button primary"
          disabled={props.participantCount === 0}
          onClick={() => void open()}
        >
          {t("openCampaign")}
        </button>
        <FormProblem problem={problem()} />
      </Show>
    </section>
  );
}
