// One line saying whether this phone can now go offline: on joining, on the questionnaire and on home.
import { Show } from "solid-js";
import { deriveOfflineReadiness } from "../../../shared/offlineReadiness";
import { loadStoreBesideFirstScreen } from "../../store/storeLoader";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { offlineShell, watchOfflineShell } from "../update/offlineShell";
import { t } from "../../i18n/coreMessages";

export function OfflineReadiness() {
  watchOfflineShell();
  const stored = createLiveQuery((store) => store.loadStoredForOffline(), loadStoreBesideFirstScreen);
  const readiness = () => deriveOfflineReadiness(offlineShell(), stored());

  const percent = () => {
    const current = readiness();
    return current.kind === "getting-ready" ? current.percent : undefined;
  };

  // The live region stays in the page, so a change of its words is announced.
  return (
    <p class="offline-readiness" role="status" aria-live="polite" data-testid="offline-readiness">
      <Show when={readiness().kind === "ready"}>
        {t("readyOffline")} <span aria-hidden="true">✓</span>
      </Show>
      <Show when={percent() !== undefined}>
        <span class="notice">{t("gettingReady", { percent: percent() ?? 0 })}</span>
      </Show>
    </p>
  );
}
