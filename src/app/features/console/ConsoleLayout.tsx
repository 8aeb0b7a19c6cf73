// The console's frame: its own bar (a banner with the console's navigation; the participant app's bars are hidden
// on console pages), who is signed in, and the sign-in screen for everyone else.
import { Match, Show, Switch, onMount, type Component, type JSX } from "solid-js";
import { Link } from "../../ui/router";
import { loadSession, session, signOut } from "./consoleState";
import { SignInPage } from "./SignInPage";
import { frameText as t } from "./consoleText";
import LanguageControl from "../settings/LanguageControl";

export function ConsoleLayout(props: { children: JSX.Element }) {
  onMount(() => void loadSession());
  return (
    <Switch fallback={<p class="page muted">{t("checkingSession")}</p>}>
      <Match when={session() === null}>
        <SignInPage />
      </Match>
      <Match when={session()}>
        {(s) => (
          <>
            <header class="console-bar">
              <nav aria-label={t("consoleNavigation")}>
                <Link href="/console">{t("navWorkshops")}</Link> ·{" "}
                <Link href="/console/administrations">{t("navAdministrations")}</Link> ·{" "}
                <Link href="/console/questionnaires">{t("navQuestionnaires")}</Link>
                <Show when={s().organiser.role === "organiser"}>
                  {" "}
                  · <Link href="/console/accounts">{t("navAccounts")}</Link> ·{" "}
                  <Link href="/console/audit-log">{t("navAuditLog")}</Link>
                </Show>
              </nav>
              <span class="muted">
                {t("signedInAs", {
                  name: s().organiser.name,
                  role: t(s().organiser.role === "organiser" ? "roleOrganiser" : "roleViewer"),
                })}
              </span>
              <LanguageControl class="language-control" />
              <button type="button" class="button small" onClick={() => void signOut()}>
                {t("signOut")}
              </button>
            </header>
            {props.children}
          </>
        )}
      </Match>
    </Switch>
  );
}

/** A console screen: shown inside the layout, so only a signed-in organiser or viewer reaches it. */
export function withConsoleLayout(Screen: Component): Component {
  return () => (
    <ConsoleLayout>
      <Screen />
    </ConsoleLayout>
  );
}
