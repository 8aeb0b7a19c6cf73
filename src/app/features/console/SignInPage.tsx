// Signing in to the organiser console, or creating the first organiser with the one-time setup link.
import { Show, createSignal } from "solid-js";
import type { ConsoleSession } from "../../../shared/console";
import { MIN_PASSWORD_LENGTH } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { navigate } from "../../ui/router";
import { signedIn } from "./consoleState";
import { FormProblem } from "../../ui/FormProblem";
import { frameText as t } from "./consoleText";
import LanguageControl from "../settings/LanguageControl";
import { LabelledInput } from "../../ui/LabelledInput";

export function SignInPage(props: { setupToken?: string }) {
  const [email, setEmail] = createSignal("");
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  const setup = () => Boolean(props.setupToken);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    const result = setup()
      ? await consoleRequest<ConsoleSession>("POST", "/setup", {
          token: props.setupToken,
          email: email(),
          name: name(),
          password: password(),
        })
      : await consoleRequest<ConsoleSession>("POST", "/session", { email: email(), password: password() });
    setBusy(false);
    if (!result.ok) return setProblem(result.error.details?.map((d) => d.message).join(" ") || result.error.message);
    // Setup signs the new organiser in too; the one-time link is then of no more use.
    signedIn(result.body);
    if (setup()) navigate("/console", { replace: true });
  };

  return (
    <main class="page">
      <LanguageControl class="language-control" />
      <h1>{setup() ? t("createFirstOrganiser") : t("organiserConsole")}</h1>
      <form class="card" onSubmit={(e) => void submit(e)}>
        <Show when={setup()}>
          <LabelledInput
            id="organiser-name"
            label={t("yourName")}
            autocomplete="name"
            value={name()}
            onValue={setName}
            required
          />
        </Show>
        <LabelledInput
          id="organiser-email"
          label={t("emailAddress")}
          type="email"
          autocomplete="username"
          value={email()}
          onValue={setEmail}
          required
        />
        <LabelledInput
          id="organiser-password"
          label={setup() ? t("passwordAtLeast", { count: MIN_PASSWORD_LENGTH }) : t("password")}
          type="password"
          autocomplete={setup() ? "new-password" : "current-password"}
          value={password()}
          onValue={setPassword}
          required
        />
        <FormProblem problem={problem()} />
        <button type="submit" class="button primary" disabled={busy()}>
          {setup() ? t("createAccount") : t("signIn")}
        </button>
      </form>
    </main>
  );
}
