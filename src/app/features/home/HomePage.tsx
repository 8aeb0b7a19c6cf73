// The participant's start screen: their questionnaires, drafts and replies, with what has been sent.
import { Link } from "../../ui/router";
import { For, Show, onMount } from "solid-js";
import type { OutboxEntry } from "../../store/db";
import { listJoinedCampaigns } from "../../store/homeOverview";
import { OUTBOX_STATE_LABELS } from "../../store/outbox";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { markFirstScreenShown } from "../../ui/firstScreen";
import { formatDateTime } from "../../ui/formatTime";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { OfflineReadiness } from "./OfflineReadiness";
import { runsInstalled } from "../../ui/installOffer";

export function HomePage() {
  onMount(markFirstScreenShown);
  const joined = createLiveQuery(() => listJoinedCampaigns());

  return (
    <main class="page">
      <h1>Your questionnaires</h1>
      <OfflineReadiness />
      <Show when={joined() !== undefined}>
        <Show
          when={(joined() ?? []).length > 0}
          fallback={
            <section class="card">
              <p>You have not opened an invitation on this phone yet.</p>
              <p>Open the link in your invitation e-mail, or type the code it gives.</p>
              <Link class="button primary" href="/join">
                Enter an invitation code
              </Link>
            </section>
          }
        >
          <ul class="card-list">
            <For each={joined()}>
              {(item) => (
                <li class="card" data-testid="campaign-card">
                  <h2>{item.workshop?.title ?? "Workshop"}</h2>
                  <p class="muted">
                    Follow-up questionnaire · reply by {formatCalendarDate(item.joined.campaign.dueOn)}
                    {item.joined.campaign.lateRepliesAccepted ? " (late replies welcome)" : ""}
                  </p>
                  <Show when={item.joined.campaign.status !== "open"}>
                    <p class="notice">
                      The organiser has {item.joined.campaign.status === "withdrawn" ? "withdrawn" : "closed"} this
                      questionnaire.
                    </p>
                  </Show>
                  <p>
                    <Link href={`/library/${item.joined.campaign.workshopId}`}>
                      Training materials of this workshop
                    </Link>
                  </p>
                  <Show when={item.feedback}>
                    {(f) => (
                      <p class="feedback-line">
                        <Link href={`/feedback/${item.joined.invitationCode}`} data-testid="feedback-link">
                          Feedback from the organiser: {f().feedback.title}
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
                          Start the questionnaire
                        </Link>
                      </Show>
                    }
                  >
                    {(draft) => (
                      <div class="draft-line">
                        <p>Draft saved on this phone · last change {formatDateTime(draft().updatedAt)}</p>
                        <Link class="button primary" href={`/survey/${item.joined.invitationCode}`}>
                          Continue answering
                        </Link>
                      </div>
                    )}
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <p>
            <Link href="/join">Enter another invitation code</Link>
          </p>
        </Show>
      </Show>
      <Show when={!runsInstalled()}>
        <p>
          <Link href="/install">Install this app on your phone</Link>
        </p>
      </Show>
    </main>
  );
}

function ReplyLine(props: { entry: OutboxEntry }) {
  return (
    <Link class={`reply-line state-${props.entry.state}`} href={`/reply/${props.entry.id}`} data-testid="reply-line">
      <span class="state-label" data-state={props.entry.state}>
        {OUTBOX_STATE_LABELS[props.entry.state]}
      </span>
      <span class="muted">
        {props.entry.state === "sent" && props.entry.receipt
          ? `Received ${formatDateTime(props.entry.receipt.receivedAt)}`
          : `Submitted ${formatDateTime(props.entry.reply.submittedAt)}`}
      </span>
    </Link>
  );
}
