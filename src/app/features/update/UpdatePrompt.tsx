// The prompt to take a new version of the app, with the promise that answers are kept.
import { Show } from "solid-js";
import { applyUpdate, dismissUpdate, updateReady } from "./serviceWorkerUpdates";
import { t } from "../../i18n/appBarMessages";

// Offered once the service worker has a new version, which comes after the first screen: loaded then (App.tsx).
export default function UpdatePrompt() {
  return (
    <Show when={updateReady()}>
      <div class="banner banner-info" role="status">
        <p>{t("updateReady")}</p>
        <div class="button-row">
          <button type="button" class="button primary" onClick={() => void applyUpdate()}>
            {t("updateNow")}
          </button>
          <button type="button" class="button" onClick={dismissUpdate}>
            {t("later")}
          </button>
        </div>
      </div>
    </Show>
  );
}
