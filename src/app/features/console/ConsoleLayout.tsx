// The console's frame: its own bar (a banner with the console's navigation; the participant app's bars are hidden
// on console pages), who is signed in, and the sign-in screen for everyone else.
import { Match, Show, Switch, onMount, type Component, type JSX } from "solid-js";
import { Link } from "../../ui/router";
import { loadSession, session, signOut } from "./consoleState";
import { SignInPage } from "./SignInPage";

export function ConsoleLayout(props: { children: JSX.Element }) {
  onMount(() => void loadSession());
  return (
    <Switch fallback={<p class="page muted">Checking your session…</p>}>
      <Match when={session() === null}>
        <SignInPage />
      </Match>
      <Match when={session()}>
        {(s) => (
          <>
            <header class="console-bar">
              <nav aria-label="Console">
                <Link href="/console">Workshops</Link> · <Link href="/console/administrations">Administrations</Link> ·{" "}
                <Link href="/console/questionnaires">Questionnaires</Link>
                <Show when={s().organiser.role === "organiser"}>
                  {" "}
                  · <Link href="/console/accounts">Accounts</Link> · <Link href="/console/audit-log">Audit log</Link>
                </Show>
              </nav>
              <span class="muted">
                {s().organiser.name} ({s().organiser.role})
              </span>
              <button type="button" class="button small" onClick={() => void signOut()}>
                Sign out
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
