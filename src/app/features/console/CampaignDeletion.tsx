// Deleting a campaign opened by mistake, in two steps, while nobody has replied (the server refuses after that).
import { Show, createSignal } from "solid-js";
import { consoleRequest } from "../../sync/consoleClient";
import { navigate } from "../../ui/router";

export function CampaignDeletion(props: { campaignId: string; workshopId: string }) {
  const [asking, setAsking] = createSignal(false);
  const [message, setMessage] = createSignal<string>();
  const remove = async () => {
    const result = await consoleRequest("DELETE", `/campaigns/${encodeURIComponent(props.campaignId)}`);
    if (!result.ok) return setMessage(result.error.message);
    navigate(`/console/workshops/${encodeURIComponent(props.workshopId)}`);
  };
  return (
    <div class="campaign-deletion no-print" data-testid="campaign-deletion">
      <Show
        when={asking()}
        fallback={
          <button type="button" class="button danger small" onClick={() => setAsking(true)}>
            Delete this campaign…
          </button>
        }
      >
        <p>Nobody has replied yet. Delete the campaign and every invitation code of it? The codes stop working.</p>
        <div class="button-row">
          <button type="button" class="button danger small" onClick={() => void remove()}>
            Delete for good
          </button>
          <button type="button" class="button small" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      </Show>
      <p role="status">{message()}</p>
    </div>
  );
}
