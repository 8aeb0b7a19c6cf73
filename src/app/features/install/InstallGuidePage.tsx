// A short guide to putting the app on the phone's home screen: Android (Chrome) and iPhone (Safari).
import { Show, createSignal } from "solid-js";
import { installFromOffer, installOffered, runsInstalled } from "../../ui/installOffer";
import { Link } from "../../ui/router";

export default function InstallGuidePage() {
  const [outcome, setOutcome] = createSignal<string>();
  const install = async () => {
    const result = await installFromOffer();
    setOutcome(
      result === "accepted"
        ? "Installed. Outrigger is now on your home screen."
        : result === "dismissed"
          ? "Not installed. You can install it later from the browser's menu."
          : undefined,
    );
  };
  return (
    <main class="page">
      <h1>Install this app</h1>
      <Show
        when={!runsInstalled()}
        fallback={<p data-testid="install-done">Outrigger is installed on this phone: open it from the home screen.</p>}
      >
        <p>
          Installed, Outrigger opens from your home screen like any other app, works without a connection, and the phone
          keeps its data safer.
        </p>
        <Show when={installOffered()}>
          <button type="button" class="button primary wide" onClick={() => void install()}>
            Install Outrigger
          </button>
        </Show>
        <Show when={outcome()}>
          <p role="status">{outcome()}</p>
        </Show>
        <section class="card" aria-labelledby="install-android">
          <h2 id="install-android">Android phone (Chrome)</h2>
          <ol>
            <li>Open this page in Chrome.</li>
            <li>Tap the menu ⋮ at the top right.</li>
            <li>Tap "Install app" (or "Add to Home screen"), then "Install".</li>
          </ol>
        </section>
        <section class="card" aria-labelledby="install-ios">
          <h2 id="install-ios">iPhone or iPad (Safari)</h2>
          <ol>
            <li>Open this page in Safari.</li>
            <li>Tap the Share button (a square with an arrow pointing up).</li>
            <li>Scroll down and tap "Add to Home Screen", then "Add".</li>
          </ol>
        </section>
      </Show>
      <p>
        <Link href="/">Back to your questionnaires</Link>
      </p>
    </main>
  );
}
