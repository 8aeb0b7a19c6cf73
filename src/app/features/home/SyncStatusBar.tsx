// One plain sentence on connection and sending, always visible at the top.
import { Show, createSignal, onCleanup } from "solid-js";
import { loadSyncOverview } from "../../store/syncOverview";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { describeSync, withBrowserConnection } from "./syncSentence";
import { t } from "../../i18n/appBarMessages";

/** Loaded after the first screen is up (App.tsx): the first question never waits for it. */
export default function SyncStatusBar() {
  const overview = createLiveQuery(() => loadSyncOverview());
  // "Next try in 3 min" counts down without waiting for the next database change.
  const [now, setNow] = createSignal(new Date());
  const ticker = setInterval(() => setNow(new Date()), 15_000);
  onCleanup(() => clearInterval(ticker));
  // Losing the network shows at once, not only at the next failed send.
  const [browserOnline, setBrowserOnline] = createSignal(navigator.onLine);
  const followConnection = () => setBrowserOnline(navigator.onLine);
  window.addEventListener("online", followConnection);
  window.addEventListener("offline", followConnection);
  onCleanup(() => {
    window.removeEventListener("online", followConnection);
    window.removeEventListener("offline", followConnection);
  });
  const sentence = () => {
    const o = overview();
    return o
      ? describeSync(withBrowserConnection(o, browserOnline()), now())
      : { text: t("checkingConnection"), tone: "unknown" as const, attention: undefined };
  };

  return (
    <div
      class="sync-status"
      classList={{ offline: sentence().tone === "offline" }}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
    >
      <span class="dot" aria-hidden="true" />
      <span>
        {sentence().text}
        <Show when={sentence().attention}>
          <strong class="attention"> {sentence().attention}</strong>
        </Show>
      </span>
    </div>
  );
}
