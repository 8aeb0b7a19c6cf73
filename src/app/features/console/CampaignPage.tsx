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
import { DueDayForm } from "./DueDayForm";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { formattingLocale } from "../../i18n/language";
import { campaignsText as t } from "./consoleText";
import "./organiserYear.css";
import { StackedTable } from "../../ui/StackedTable";

export default withConsoleLayout(Campaign);

const STATUS_KEYS = { open: "statusOpen", closed: "statusClosed", withdrawn: "statusWithdrawn" } as const;

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
    setMessage(t("saved"));
  };
  const addInvitations = async () => {
    const result = await consoleRequest<CampaignDetail>(
      "POST",
      `/campaigns/${encodeURIComponent(params.id)}/invitations`,
      {},
    );
    if (!result.ok) return setMessage(result.error.message);
    mutate(result.body);
    setMessage(t("invitationsAdded", { count: result.body.added ?? 0 }));
  };

  return (
    <main class="page console" classList={{ "printing-slips": slipsOpen() }}>
      <Show when={detail()} fallback={<p class="muted">{t("loading")}</p>}>
        {(d) => (
          <>
            <p class="eyebrow">
              <Link href={`/console/workshops/${d().workshop.id}`}>{d().workshop.title}</Link>
            </p>
            <h1>{t("campaignHeading")}</h1>
            <p data-testid="campaign-status">
              {t("campaignStatus", {
                opens: formatDate(d().campaign.opensAt),
                due: formatCalendarDate(d().campaign.dueOn, formattingLocale()),
              })}
              {d().campaign.lateRepliesAccepted ? t("lateWelcome") : t("noLate")} ·{" "}
              <strong>{t(STATUS_KEYS[d().campaign.status])}</strong> ·{" "}
              {t("repliedOf", { replied: d().campaign.replied, invited: d().campaign.invited })}
            </p>
            <Show when={canChange()}>
              <div class="button-row no-print">
                <Show when={d().campaign.status !== "open"}>
                  <button type="button" class="button" onClick={() => void change({ status: "open" })}>
                    {t("reopen")}
                  </button>
                </Show>
                <Show when={d().campaign.status === "open"}>
                  <button type="button" class="button" onClick={() => void change({ status: "closed" })}>
                    {t("close")}
                  </button>
                </Show>
                <button
                  type="button"
                  class="button"
                  onClick={() => void change({ lateRepliesAccepted: !d().campaign.lateRepliesAccepted })}
                >
                  {d().campaign.lateRepliesAccepted ? t("stopLate") : t("takeLate")}
                </button>
                <button type="button" class="button" onClick={() => void addInvitations()}>
                  {t("inviteAddedSince")}
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
                  {t("printSheet")}
                </button>
                <button type="button" class="button" onClick={() => setSlipsOpen(true)}>
                  {t("printSlips")}
                </button>
              </div>
            </Show>
            <Show when={canChange() && d().campaign.replied === 0}>
              <ConfirmDeletion
                what="campaign"
                apiPath={`/campaigns/${encodeURIComponent(d().campaign.id)}`}
                question={t("deleteQuestion")}
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
                  labels={{
                    status: t("labelStatus"),
                    dueOn: t("labelDueDay"),
                    lateRepliesAccepted: t("labelLateTaken"),
                  }}
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
            <h2>{t("invitationsHeading")}</h2>
            <StackedTable
              columns={[
                t("columnParticipant"),
                t("columnAdm"),
                t("columnCodeLink"),
                t("columnReply"),
                t("columnInvitation"),
              ]}
              testId="invitations"
            >
              <For each={d().invitations}>
                {(i) => (
                  <tr>
                    <td>{i.participantName ?? "—"}</td>
                    <td data-label={t("columnAdministration")}>{i.administrationCode ?? ""}</td>
                    <td data-label={t("columnCodeLink")}>
                      <strong>{i.code}</strong>
                      <br />
                      <a href={i.link}>{i.link}</a>
                      <img
                        class="qr"
                        src={i.qrSvgPath}
                        alt={t("qrAlt", { who: i.participantName ?? i.code })}
                        width="96"
                        height="96"
                        loading="lazy"
                      />
                    </td>
                    <td data-label={t("columnReply")}>
                      {i.replied ? `✓ ${formatDateTime(i.repliedAt)}` : t("notYet")}
                      <Show when={i.latestReplyId}>
                        {(replyId) => (
                          <>
                            {" "}
                            <Link href={`/console/replies/${encodeURIComponent(replyId())}`}>
                              {t("readReply", { who: i.participantName ?? i.code })}
                            </Link>
                          </>
                        )}
                      </Show>
                    </td>
                    <td data-label={t("columnInvitation")}>
                      {i.withdrawnAt !== undefined
                        ? t(i.replied ? "withdrawnReplyLeftOut" : "withdrawnAt", {
                            at: formatDateTime(i.withdrawnAt),
                          })
                        : t("standing")}
                      <Show when={canChange()}>
                        <InvitationWithdrawal
                          campaignId={d().campaign.id}
                          invitation={i}
                          onDone={(result) => {
                            if ("message" in result) return setMessage(result.message);
                            mutate(result.detail);
                            setMessage(
                              t(i.withdrawnAt === undefined ? "invitationWithdrawn" : "invitationReinstated", {
                                who: i.participantName ?? i.code,
                              }),
                            );
                          }}
                        />
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </StackedTable>
            <section class="no-print" aria-labelledby="attachments-heading">
              <h2 id="attachments-heading">{t("attachmentsHeading", { count: attachments()?.length ?? 0 })}</h2>
              <ul class="link-list" data-testid="campaign-attachments">
                <For each={attachments()}>
                  {(a) => (
                    <li>
                      <a href={a.downloadUrl} download="">
                        {a.fileName}
                      </a>{" "}
                      <span class="muted">
                        · {a.participantName ?? t("attachmentParticipant")} ·{" "}
                        {t("attachmentSize", { size: Math.max(1, Math.round(a.size / 1024)) })} ·{" "}
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
