// One campaign: its invitations (link and code per participant), who replied, reminders, and its status.
import { For, Show, createResource, createSignal } from "solid-js";
import type { CampaignDetail } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDate, formatDateTime } from "../../ui/formatTime";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { Link, useParams } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { ConfirmDeletion } from "./ConfirmDeletion";
import { FeedbackSection } from "./FeedbackSection";
import { InvitationSlips } from "./InvitationSlips";
import { InvitationEmailsSection } from "./InvitationEmailsSection";
import { InvitationWithdrawal } from "./InvitationWithdrawal";
import { MessageTemplatesSection } from "./MessageTemplatesSection";
import { RemindersSection } from "./RemindersSection";
import { canChange } from "./consoleState";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import "../../ui/stackedTables.css";
import "./organiserYear.css";

export default withConsoleLayout(Campaign);

function Campaign() {
  const params = useParams<{ id: string }>();
  const [detail, { mutate, refetch }] = createResource(
    () => params.id,
    async (id) => {
      const result = await consoleRequest<CampaignDetail>("GET", `/campaigns/${encodeURIComponent(id)}`);
      return result.ok ? result.body : undefined;
    },
  );
  const [message, setMessage] = createSignal<string>();
  const [slipsOpen, setSlipsOpen] = createSignal(false);
  // Bumped when the e-mail wording is saved, so the prepared invitation and reminder messages are fetched again.
  const [templatesVersion, setTemplatesVersion] = createSignal(0);
  const [attachments] = createResource(
    () => params.id,
    async (id) => {
      const result = await consoleRequest<{
        attachments: {
          id: string;
          participantName: string | null;
          fileName: string;
          size: number;
          receivedAt: string;
          downloadUrl: string;
        }[];
      }>("GET", `/campaigns/${encodeURIComponent(id)}/attachments`);
      return result.ok ? result.body.attachments : [];
    },
  );

  const [conflict, setConflict] = createSignal<{ conflict: EditConflict; mine: Record<string, unknown> }>();
  const change = async (body: Record<string, unknown>, version = detail()?.campaign.version) => {
    const result = await consoleRequest<CampaignDetail>("PATCH", `/campaigns/${encodeURIComponent(params.id)}`, {
      ...body,
      version,
    });
    if (!result.ok) {
      const changed = editConflictOf(result);
      if (changed) {
        setMessage(undefined);
        return setConflict({ conflict: changed, mine: body });
      }
      // A refused field says what is wrong with it ("The due date cannot come before the opening day.").
      return setMessage(result.error.details?.[0]?.message ?? result.error.message);
    }
    setConflict(undefined);
    mutate(result.body);
    setMessage("Saved.");
  };
  const addInvitations = async () => {
    const result = await consoleRequest<CampaignDetail>(
      "POST",
      `/campaigns/${encodeURIComponent(params.id)}/invitations`,
      {},
    );
    if (!result.ok) return setMessage(result.error.message);
    mutate(result.body);
    setMessage(`${result.body.added ?? 0} invitation(s) added.`);
  };

  return (
    <main class="page console" classList={{ "printing-slips": slipsOpen() }}>
      <Show when={detail()} fallback={<p class="muted">Loading…</p>}>
        {(d) => (
          <>
            <p class="eyebrow">
              <Link href={`/console/workshops/${d().workshop.id}`}>{d().workshop.title}</Link>
            </p>
            <h1>Follow-up campaign</h1>
            <p data-testid="campaign-status">
              Opens {formatDate(d().campaign.opensAt)} · due {formatCalendarDate(d().campaign.dueOn)} ·{" "}
              {d().campaign.lateRepliesAccepted ? "late replies welcome" : "no late replies"} ·{" "}
              <strong>{d().campaign.status}</strong> · {d().campaign.replied} of {d().campaign.invited} replied
            </p>
            <Show when={canChange()}>
              <div class="button-row no-print">
                <Show when={d().campaign.status !== "open"}>
                  <button type="button" class="button" onClick={() => void change({ status: "open" })}>
                    Reopen
                  </button>
                </Show>
                <Show when={d().campaign.status === "open"}>
                  <button type="button" class="button" onClick={() => void change({ status: "closed" })}>
                    Close
                  </button>
                </Show>
                <button
                  type="button"
                  class="button"
                  onClick={() => void change({ lateRepliesAccepted: !d().campaign.lateRepliesAccepted })}
                >
                  {d().campaign.lateRepliesAccepted ? "Stop taking late replies" : "Take late replies"}
                </button>
                <button type="button" class="button" onClick={() => void addInvitations()}>
                  Invite participants added since
                </button>
                <button
                  type="button"
                  class="button"
                  onClick={() => {
                    // The slips, while open, are all a print shows: close them so the sheet prints.
                    setSlipsOpen(false);
                    window.print();
                  }}
                >
                  Print invitation sheet
                </button>
                <button type="button" class="button" onClick={() => setSlipsOpen(true)}>
                  Print invitation slips
                </button>
              </div>
            </Show>
            <Show when={canChange() && d().campaign.replied === 0}>
              <ConfirmDeletion
                what="campaign"
                apiPath={`/campaigns/${encodeURIComponent(d().campaign.id)}`}
                question="Nobody has replied yet. Delete the campaign and every invitation code of it? The codes stop working."
                afterwards={`/console/workshops/${encodeURIComponent(d().workshop.id)}`}
              />
            </Show>
            <Show when={canChange()}>
              <DueDayForm dueOn={d().campaign.dueOn} onChange={(dueOn) => void change({ dueOn })} />
            </Show>
            <Show when={conflict()}>
              {(c) => (
                <EditConflictNotice
                  conflict={c().conflict}
                  mine={{ ...c().conflict.current, ...c().mine }}
                  labels={{ status: "Status", dueOn: "Due day", lateRepliesAccepted: "Late replies taken" }}
                  onKeepMine={() => void change(c().mine, c().conflict.current.version)}
                  onUseTheirs={() => (setConflict(undefined), void refetch())}
                />
              )}
            </Show>
            <Show when={slipsOpen()}>
              <InvitationSlips
                invitations={d().invitations}
                dueOn={d().campaign.dueOn}
                workshopTitle={d().workshop.title}
                onClose={() => setSlipsOpen(false)}
              />
            </Show>
            <Show when={message()}>
              <p role="status" data-testid="campaign-message">
                {message()}
              </p>
            </Show>
            <h2>Invitations</h2>
            <div class="table-wrap stack-when-narrow">
              <table data-testid="invitations">
                <thead>
                  <tr>
                    <th scope="col">Participant</th>
                    <th scope="col">Adm.</th>
                    <th scope="col">Code and link</th>
                    <th scope="col">Reply</th>
                    <th scope="col">Invitation</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().invitations}>
                    {(i) => (
                      <tr>
                        <td>{i.participantName ?? "—"}</td>
                        <td data-label="Administration">{i.administrationCode ?? ""}</td>
                        <td data-label="Code and link">
                          <strong>{i.code}</strong>
                          <br />
                          <a href={i.link}>{i.link}</a>
                          <img
                            class="qr"
                            src={i.qrSvgPath}
                            alt={`QR code for ${i.participantName ?? i.code}'s invitation`}
                            width="96"
                            height="96"
                            loading="lazy"
                          />
                        </td>
                        <td data-label="Reply">
                          {i.replied ? `✓ ${formatDateTime(i.repliedAt)}` : "not yet"}
                          <Show when={i.latestReplyId}>
                            {(replyId) => (
                              <>
                                {" "}
                                <Link href={`/console/replies/${encodeURIComponent(replyId())}`}>
                                  Read {i.participantName ?? i.code}'s reply
                                </Link>
                              </>
                            )}
                          </Show>
                        </td>
                        <td data-label="Invitation">
                          {i.withdrawnAt !== undefined
                            ? `Withdrawn ${formatDateTime(i.withdrawnAt)}${i.replied ? ": its reply is left out" : ""}`
                            : "Standing"}
                          <Show when={canChange()}>
                            <InvitationWithdrawal
                              campaignId={d().campaign.id}
                              invitation={i}
                              onDone={(result) => {
                                if ("message" in result) return setMessage(result.message);
                                mutate(result.detail);
                                setMessage(
                                  `${i.participantName ?? i.code}'s invitation ${i.withdrawnAt === undefined ? "withdrawn" : "reinstated"}.`,
                                );
                              }}
                            />
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <section class="no-print" aria-labelledby="attachments-heading">
              <h2 id="attachments-heading">Attachments received ({attachments()?.length ?? 0})</h2>
              <ul class="link-list" data-testid="campaign-attachments">
                <For each={attachments()}>
                  {(a) => (
                    <li>
                      <a href={a.downloadUrl} download="">
                        {a.fileName}
                      </a>{" "}
                      <span class="muted">
                        · {a.participantName ?? "participant"} · {Math.max(1, Math.round(a.size / 1024))} KB ·{" "}
                        {formatDateTime(a.receivedAt)}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </section>
            <FeedbackSection
              campaignId={d().campaign.id}
              fiscalYear={d().workshop.fiscalYear}
              workshopTitle={d().workshop.title}
            />
            <MessageTemplatesSection
              campaignId={d().campaign.id}
              onSaved={() => setTemplatesVersion(templatesVersion() + 1)}
            />
            <InvitationEmailsSection campaignId={d().campaign.id} templatesVersion={templatesVersion()} />
            <RemindersSection campaignId={d().campaign.id} templatesVersion={templatesVersion()} />
          </>
        )}
      </Show>
    </main>
  );
}

/** Moves the due date (a calendar day, sent as typed: never through UTC). The server refuses one before opening. */
function DueDayForm(props: { dueOn: string; onChange: (dueOn: string) => void }) {
  // Undefined until the organiser picks a day: the stored one shows meanwhile.
  const [picked, setPicked] = createSignal<string>();
  const day = () => picked() ?? props.dueOn;
  return (
    <form
      class="due-day no-print"
      onSubmit={(e) => {
        e.preventDefault();
        if (day() !== "") props.onChange(day());
      }}
    >
      <label for="campaign-due-day">Due date</label>
      <input
        id="campaign-due-day"
        type="date"
        required
        value={day()}
        onInput={(e) => setPicked(e.currentTarget.value)}
      />
      <button type="submit" class="button small">
        Change the due date
      </button>
    </form>
  );
}
