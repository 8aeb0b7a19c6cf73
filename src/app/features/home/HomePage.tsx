// The participant's start screen: their questionnaires, drafts and replies, with what has been sent.
import { Link } from "../../ui/router";
import { For, Show, onMount } from "solid-js";
import type { OutboxEntry } from "../../store/db";
import { loadStoreBesideFirstScreen } from "../../store/storeLoader";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { markFirstScreenShown } from "../../ui/firstScreen";
import { formatDateTime } from "../../ui/formatTime";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { OfflineReadiness } from "./OfflineReadiness";
import { runsInstalled } from "../../ui/installOffer";
import { t } from "../../i18n/coreMessages";
import { formattingLocale } from "../../i18n/language";
import { inChosenLanguage } from "../../i18n/questionnaireText";
import { OUTBOX_STATE_MESSAGES } from "./outboxStateMessages";

export function HomePage() {
  onMount(markFirstScreenShown);
  const joined = createLiveQuery((store) => store.listJoinedCampaigns(), loadStoreBesideFirstScreen);

  return (
    <main class="page">
      <h1>{t("homeHeading")}</h1>
      <OfflineReadiness />
      <Show when={joined() !== undefined}>
        <Show
          when={(joined() ?? []).length > 0}
          fallback={
            <section class="card">
              <p>{t("noInvitationYet")}</p>
              <p>{t("openLinkOrCode")}</p>
              <Link class="button primary" href="/join">
                {t("enterInvitationCode")}
              </Link>
            </section>
          }
        >
          <ul class="card-list">
            <For each={joined()}>
              {(item) => (
                <li class="card" data-testid="campaign-card">
                  <h2>{item.workshop?.title ?? t("workshop")}</h2>
                  <Show when={item.questionnaire}>
                    {(q) => <p data-testid="questionnaire-title">{inChosenLanguage(q().title, q().titles)}</p>}
                  </Show>
                  <p class="muted">
                    {t("replyBy", { date: formatCalendarDate(item.joined.campaign.dueOn, formattingLocale()) })}
                    {item.joined.campaign.lateRepliesAccepted ? t("lateRepliesWelcome") : ""}
                  </p>
                  <Show when={item.joined.campaign.status !== "open"}>
                    <p class="notice">
                      {t(item.joined.campaign.status === "withdrawn" ? "organiserWithdrew" : "organiserClosed")}
                    </p>
                  </Show>
                  <p>
                    <Link href={`/library/${item.joined.campaign.workshopId}`}>{t("workshopMaterials")}</Link>
                  </p>
                  <Show when={item.feedback}>
                    {(f) => (
                      <p class="feedback-line">
                        <Link href={`/feedback/${item.joined.invitationCode}`} data-testid="feedback-link">
                          {t("feedbackFromOrganiser", { title: f().feedback.title })}
                        </Link>
                      </p>
                    )}
                  </Show>
                  <For each={item.replies}>{(entry) => <ReplyLine entry={entry} />}</For>
                  <Show
                    when={item.draft}
                    fallback={
                      <Show when={item.replies.length === 0 && item.joined.campaign.status === "open"}>
                        <Link class="button primary" href={`/survey/${item.joined.invitationCode}`}>
                          {t("startQuestionnaire")}
                        </Link>
                      </Show>
                    }
                  >
                    {(draft) => (
                      <div class="draft-line">
                        <p>{t("draftSaved", { time: formatDateTime(draft().updatedAt) })}</p>
                        <Link class="button primary" href={`/survey/${item.joined.invitationCode}`}>
                          {t("continueAnswering")}
                        </Link>
                      </div>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <p>
            <Link href="/join">{t("enterAnotherCode")}</Link>
          </p>
        </Show>
      </Show>
      <Show when={!runsInstalled()}>
        <p>
          <Link href="/install">{t("installThisApp")}</Link>
        </p>
      </Show>
    </main>
  );
}

function ReplyLine(props: { entry: OutboxEntry }) {
  return (
    <Link class={`reply-line state-${props.entry.state}`} href={`/reply/${props.entry.id}`} data-testid="reply-line">
      <span class="state-label" data-state={props.entry.state}>
        {t(OUTBOX_STATE_MESSAGES[props.entry.state])}
      </span>
      <span class="muted">
        {props.entry.state === "sent" && props.entry.receipt
          ? t("receivedAt", { time: formatDateTime(props.entry.receipt.receivedAt) })
          : t("submittedAt", { time: formatDateTime(props.entry.reply.submittedAt) })}
      </span>
    </Link>
  );
}
