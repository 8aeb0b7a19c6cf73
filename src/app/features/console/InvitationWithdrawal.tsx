// Withdraw / Reinstate for one invitation row of the campaign page, asked twice: its replies stay stored either way.
import { Show, createSignal } from "solid-js";
import type { CampaignDetail, CampaignInvitation } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { campaignsText as t } from "./consoleText";

export function InvitationWithdrawal(props: {
  campaignId: string;
  invitation: CampaignInvitation;
  /** The campaign as the server answered the change, or the sentence saying why it was refused. */
  onDone: (result: { detail: CampaignDetail } | { message: string }) => void;
}) {
  const [asking, setAsking] = createSignal(false);
  const withdrawn = () => props.invitation.withdrawnAt !== undefined;
  const who = () => props.invitation.participantName ?? props.invitation.code;
  const act = async () => {
    const action = withdrawn() ? "reinstate" : "withdraw";
    const result = await consoleRequest<CampaignDetail>(
      "POST",
      `/campaigns/${encodeURIComponent(props.campaignId)}/invitations/${encodeURIComponent(props.invitation.code)}/${action}`,
      {},
    );
    setAsking(false);
    props.onDone(result.ok ? { detail: result.body } : { message: result.error.message });
  };
  return (
    <div class="no-print" data-testid="invitation-withdrawal">
      <Show
        when={asking()}
        fallback={
          <button
            type="button"
            class={withdrawn() ? "button small" : "button danger small"}
            aria-label={t(withdrawn() ? "reinstateLabel" : "withdrawLabel", { who: who() })}
            onClick={() => setAsking(true)}
          >
            {withdrawn() ? t("reinstateAsk") : t("withdrawAsk")}
          </button>
        }
      >
        <p>{t(withdrawn() ? "reinstateQuestion" : "withdrawQuestion", { who: who() })}</p>
        <div class="button-row">
          <button type="button" class={withdrawn() ? "button small" : "button danger small"} onClick={() => void act()}>
            {withdrawn() ? t("reinstateIt") : t("withdrawIt")}
          </button>
          <button type="button" class="button small" onClick={() => setAsking(false)}>
            {t("cancel")}
          </button>
        </div>
      </Show>
    </div>
  );
}
