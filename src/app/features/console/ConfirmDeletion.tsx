// Deleting a campaign or a workshop set up by mistake, in two steps; the server refuses once someone has replied.
import { Show, createSignal } from "solid-js";
import { consoleRequest } from "../../sync/consoleClient";
import { navigate } from "../../ui/router";
import { frameText as t } from "./consoleText";
import { deletionRefusal } from "./deletionRefusal";

const DELETE_LABELS = { workshop: "deleteWorkshop", campaign: "deleteCampaign" } as const;
export function ConfirmDeletion(props: {
  /** What is deleted: the button names it. */
  what: keyof typeof DELETE_LABELS;
  /** The console API path to DELETE. */
  apiPath: string;
  /** What deleting takes with it, asked before the second click. */
  question: string;
  /** Where to go once deleted. */
  afterwards: string;
}) {
  const [asking, setAsking] = createSignal(false);
  const [message, setMessage] = createSignal<string>();
  const remove = async () => {
    const result = await consoleRequest("DELETE", props.apiPath);
    if (!result.ok) return setMessage(deletionRefusal(result.error));
    navigate(props.afterwards);
  };
  return (
    <div class="confirm-deletion no-print" data-testid={`${props.what}-deletion`}>
      <Show
        when={asking()}
        fallback={
          <button type="button" class="button danger small" onClick={() => setAsking(true)}>
            {t(DELETE_LABELS[props.what])}
          </button>
        }
      >
        <p>{props.question}</p>
        <div class="button-row">
          <button type="button" class="button danger small" onClick={() => void remove()}>
            {t("deleteForGood")}
          </button>
          <button type="button" class="button small" onClick={() => setAsking(false)}>
            {t("keepIt")}
          </button>
        </div>
      </Show>
      <p role="status">{message()}</p>
    </div>
  );
}
