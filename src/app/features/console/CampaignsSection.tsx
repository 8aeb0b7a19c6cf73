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

const FOLLOW_UP_QUESTIONNAIRE = "follow-up";

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
      <h2 id="campaigns-heading">Follow-up campaigns</h2>
      <Show when={(campaigns() ?? []).length > 0} fallback={<p class="muted">No follow-up campaign yet.</p>}>
        <ul class="link-list">
          <For each={campaigns()}>
            {(c) => (
              <li data-testid="campaign-summary">
                <Link href={`/console/campaigns/${c.id}`}>
                  Opens {formatDate(c.opensAt)}, due {formatCalendarDate(c.dueOn)}
                </Link>{" "}
                <span class="muted">
                  · questionnaire version {c.questionnaireVersion} · {c.status} · {c.replied} of {c.invited} replied
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={canChange()}>
        <p class="muted">
          A new campaign uses the newest questionnaire version, opens six months after the workshop's last day (or after
          the end of its month, when only the month is known), is due three weeks later and welcomes late replies,
          unless you set other dates below; every participant gets a personal invitation.
        </p>
        <details>
          <summary>Other questionnaire version, dates or rules</summary>
          <label for="c-version">Questionnaire version</label>
          <select id="c-version" value={version()} onChange={(e) => setVersion(e.currentTarget.value)}>
            <option value="">The newest ({versions()?.[0] ? `version ${versions()?.[0]?.version}` : "…"})</option>
            <For each={versions()}>
              {(v) => (
                <option
                  value={String(v.version)}
                >{`Version ${v.version}: ${v.title} (${v.questions} questions)`}</option>
              )}
            </For>
          </select>
          <label for="c-opens">Opens on (optional)</label>
          <input id="c-opens" type="date" value={opensOn()} onInput={(e) => setOpensOn(e.currentTarget.value)} />
          <label for="c-due">Due on (optional)</label>
          <input id="c-due" type="date" value={dueOn()} onInput={(e) => setDueOn(e.currentTarget.value)} />
          <label class="choice">
            <input type="checkbox" checked={late()} onChange={(e) => setLate(e.currentTarget.checked)} />
            <span>Accept replies after the due date</span>
          </label>
        </details>
        <button
          type="button"
          class="button primary"
          disabled={props.participantCount === 0}
          onClick={() => void open()}
        >
          Open a follow-up campaign
        </button>
        <FormProblem problem={problem()} />
      </Show>
    </section>
  );
}
