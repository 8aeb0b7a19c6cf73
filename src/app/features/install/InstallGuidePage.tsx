// A short guide to putting the app on the phone's home screen: Android (Chrome) and iPhone (Safari).
import { Show, createSignal } from "solid-js";
import { installFromOffer, installOffered, runsInstalled } from "../../ui/installOffer";
import { Link } from "../../ui/router";
import { t } from "../../i18n/installMessages";

export default function InstallGuidePage() {
  const [outcome, setOutcome] = createSignal<string>();
  const install = async () => {
    const result = await installFromOffer();
    setOutcome(result === "accepted" ? t("installed") : result === "dismissed" ? t("notInstalled") : undefined);
  };
  return (
    <main class="page">
      <h1>{t("heading")}</h1>
      <Show when={!runsInstalled()} fallback={<p data-testid="install-done">{t("alreadyInstalled")}</p>}>
        <p>{t("why")}</p>
        <Show when={installOffered()}>
          <button type="button" class="button primary wide" onClick={() => void install()}>
            {t("installButton")}
          </button>
        </Show>
        <Show when={outcome()}>
          <p role="status">{outcome()}</p>
        </Show>
        <section class="card" aria-labelledby="install-android">
          <h2 id="install-android">{t("android")}</h2>
          <ol>
            <li>{t("androidOpen")}</li>
            <li>{t("androidMenu")}</li>
            <li>{t("androidInstall")}</li>
          </ol>
        </section>
        <section class="card" aria-labelledby="install-ios">
          <h2 id="install-ios">{t("ios")}</h2>
          <ol>
            <li>{t("iosOpen")}</li>
            <li>{t("iosShare")}</li>
            <li>{t("iosAdd")}</li>
          </ol>
        </section>
      </Show>
      <p>
        <Link href="/">{t("backToQuestionnaires")}</Link>
      </p>
    </main>
  );
}
