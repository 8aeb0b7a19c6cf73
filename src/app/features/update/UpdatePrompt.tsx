import { Show } from "solid-js";
import { applyUpdate, dismissUpdate, updateReady } from "./serviceWorkerUpdates";

export function UpdatePrompt() {
  return (
    <Show when={updateReady()}>
      <div class="banner banner-info" role="status">
        <p>A new version of Outrigger is ready. Your answers are kept.</p>
        <div class="button-row">
          <button type="button" class="button primary" onClick={() => void applyUpdate()}>
            Update now
          </button>
          <button type="button" class="button" onClick={dismissUpdate}>
            Later
          </button>
        </div>
      </div>
    </Show>
  );
}
