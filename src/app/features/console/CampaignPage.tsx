// One campaign: its invitations (link and code per participant), who replied, reminders, and its status.
import { For, Show, createResource, createSignal } from "solid-js";
import type { CampaignDetail, CampaignReminders } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDate, formatDateTime } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { ConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";

export default function CampaignPage() {
  return (
    <ConsoleLayout>
      <Campaign />
    </ConsoleLayout>
  );
}

function Campaign() {
  const params = useParams<{ id: string }>();
  const [detail, { mutate }] = createResource(() => params.id, async (id) => {
    const result = await consoleRequest<CampaignDetail>("GET", `/campaigns/${encodeURIComponent(id)}`);
    return result.ok ? result.body : undefined;
  });
  const [reminders, { refetch: refetchReminders }] = createResource(() => params.id, async (id) => {
    const result = await consoleRequest<CampaignReminders>("GET", `/campaigns/${encodeURIComponent(id)}/reminders`);
    return result.ok ? result.body.reminders : [];
  });
  const [message, setMessage] = createSignal<string>();

  const change = async (body: Record<string, unknown>) => {
    const result = await consoleRequest<CampaignDetail>("PATCH", `/campaigns/${encodeURIComponent(params.id)}`, body);
    if (!result.ok) return setMessage(result.error.message);
    mutate(result.body);
    setMessage("Saved.");
  };
  const addInvitations = async () => {
    const result = await consoleRequest<CampaignDetail>("POST", `/campaigns/${encodeURIComponent(params.id)}/invitations`, {});
    if (!result.ok) return setMessage(result.error.message);
    mutate(result.body);
    void refetchReminders();
    setMessage(`${result.body.added ?? 0} invitation(s) added.`);
  };

  return (
    <main class="page console">
      <Show when={detail()} fallback={<p class="muted">Loading…</p>}>
        {(d) => (
          <>
            <p class="eyebrow">
              <Link href={`/console/workshops/${d().workshop.id}`}>{d().workshop.title}</Link>
            </p>
            <h1>Follow-up campaign</h1>
            <p data-testid="campaign-status">
              Opens {formatDate(d().campaign.opensAt)} · due {formatDate(d().campaign.dueAt)} · {d().campaign.lateRepliesAccepted ? "late replies welcome" : "no late replies"} · <strong>{d().campaign.status}</strong> · {d().campaign.replied} of {d().campaign.invited} replied
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
                <button type="button" class="button" onClick={() => void change({ lateRepliesAccepted: !d().campaign.lateRepliesAccepted })}>
                  {d().campaign.lateRepliesAccepted ? "Stop taking late replies" : "Take late replies"}
                </button>
                <button type="button" class="button" onClick={() => void addInvitations()}>
                  Invite participants added since
                </button>
                <button type="button" class="button" onClick={() => window.print()}>
                  Print invitation sheet
                </button>
              </div>
            </Show>
            <Show when={message()}>
              <p role="status">{message()}</p>
            </Show>
            <h2>Invitations</h2>
            <div class="table-wrap">
              <table data-testid="invitations">
                <thead>
                  <tr>
                    <th scope="col">Participant</th>
                    <th scope="col">Adm.</th>
                    <th scope="col">Code and link</th>
                    <th scope="col">Reply</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().invitations}>
                    {(i) => (
                      <tr>
                        <td>{i.participantName ?? "—"}</td>
                        <td>{i.administrationCode ?? ""}</td>
                        <td>
                          <strong>{i.code}</strong>
                          <br />
                          <a href={i.link}>{i.link}</a>
                        </td>
                        <td>{i.replied ? `✓ ${formatDateTime(i.repliedAt)}` : "not yet"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <section class="no-print">
              <h2>Reminders ({reminders()?.length ?? 0} not replied)</h2>
              <ul class="link-list">
                <For each={reminders()}>
                  {(r) => (
                    <li>
                      {r.participantName ?? r.code}{" "}
                      <Show when={r.mailto} fallback={<span class="muted">(no e-mail address)</span>}>
                        <a href={r.mailto!}>write a reminder</a>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </>
        )}
      </Show>
    </main>
  );
}
