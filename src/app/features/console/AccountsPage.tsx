// Console accounts for organisers: the list, adding an organiser or viewer, disabling one, resetting a password.
import { For, Show, createResource, createSignal } from "solid-js";
import { MIN_PASSWORD_LENGTH, type Account, type AccountList, type OrganiserRole } from "../../../shared/console";
import type { ApiErrorBody } from "../../../shared/api";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange, session } from "./consoleState";
import { adminText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

export default withConsoleLayout(Accounts);

const ROLE_NAMES = {
  organiser: "roleOrganiserLong",
  viewer: "roleViewerLong",
} as const satisfies Record<OrganiserRole, string>;
const ROLE_WORDS = { organiser: "roleOrganiser", viewer: "roleViewer" } as const satisfies Record<
  OrganiserRole,
  string
>;

/** The field rules the server gave (e.g. the password policy's), else its plain message. */
function problemText(error: ApiErrorBody): string {
  return error.details?.map((d) => d.message).join(" ") || error.message;
}

function Accounts() {
  return (
    <main class="page console">
      <h1>{t("accounts")}</h1>
      <Show when={canChange()} fallback={<p>{t("onlyOrganiserAccounts")}</p>}>
        <AccountManager />
      </Show>
    </main>
  );
}

function AccountManager() {
  const [list, { refetch }] = createResource(async () => {
    const result = await consoleRequest<AccountList>("GET", "/accounts");
    return result.ok ? result.body.accounts : [];
  });
  return (
    <>
      <ul class="card-list" aria-label={t("consoleAccounts")}>
        <For each={list() ?? []}>{(account) => <AccountCard account={account} changed={() => void refetch()} />}</For>
      </ul>
      <AddAccountForm added={() => void refetch()} />
    </>
  );
}

function AccountCard(props: { account: Account; changed: () => void }) {
  const isMe = () => session()?.organiser.id === props.account.id;
  const [problem, setProblem] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const [resetting, setResetting] = createSignal(false);
  const [newPassword, setNewPassword] = createSignal("");
  const passwordId = () => `reset-${props.account.id}`;

  const toggleDisabled = async () => {
    const result = await consoleRequest("PATCH", `/accounts/${props.account.id}`, {
      disabled: !props.account.disabled,
    });
    if (!result.ok) return setProblem(problemText(result.error));
    setProblem(undefined);
    setNotice(undefined);
    props.changed();
  };
  const reset = async (event: Event) => {
    event.preventDefault();
    const result = await consoleRequest("PUT", `/accounts/${props.account.id}/password`, { password: newPassword() });
    if (!result.ok) return setProblem(problemText(result.error));
    setProblem(undefined);
    setResetting(false);
    setNewPassword("");
    setNotice(t("newPasswordSet", { name: props.account.name }));
  };

  return (
    <li class="card" data-testid="console-account">
      <h2 class="material-title">{props.account.name}</h2>
      <p class="muted">
        {props.account.email} · {t(ROLE_WORDS[props.account.role])}
        {props.account.disabled ? t("accountDisabled") : ""}
        {isMe() ? t("accountYou") : ""}
      </p>
      <Show when={!isMe()}>
        <button type="button" class="button small" onClick={() => void toggleDisabled()}>
          {t(props.account.disabled ? "reEnable" : "disable", { name: props.account.name })}
        </button>{" "}
        <Show
          when={resetting()}
          fallback={
            <button type="button" class="button small" onClick={() => setResetting(true)}>
              {t("resetPasswordOf", { name: props.account.name })}
            </button>
          }
        >
          <form onSubmit={(e) => void reset(e)}>
            <LabelledInput
              id={passwordId()}
              label={t("newPasswordFor", { name: props.account.name, count: MIN_PASSWORD_LENGTH })}
              type="text"
              autocomplete="off"
              value={newPassword()}
              onValue={setNewPassword}
              required
            />
            <button type="submit" class="button primary small">
              {t("setNewPassword")}
            </button>{" "}
            <button type="button" class="button small" onClick={() => setResetting(false)}>
              {t("cancel")}
            </button>
          </form>
        </Show>
      </Show>
      <FormProblem problem={problem()} />
      <Show when={notice()}>
        <p role="status">{notice()}</p>
      </Show>
    </li>
  );
}

function AddAccountForm(props: { added: () => void }) {
  const [name, setName] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<OrganiserRole>("viewer");
  const [password, setPassword] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const [notice, setNotice] = createSignal<string>();
  const add = async (event: Event) => {
    event.preventDefault();
    const result = await consoleRequest("POST", "/accounts", {
      name: name().trim(),
      email: email().trim(),
      role: role(),
      password: password(),
    });
    if (!result.ok) return setProblem(problemText(result.error));
    setProblem(undefined);
    setNotice(t("canNowSignIn", { name: name().trim(), email: email().trim() }));
    setName("");
    setEmail("");
    setPassword("");
    props.added();
  };
  return (
    <form class="card" onSubmit={(e) => void add(e)} aria-labelledby="add-account">
      <h2 id="add-account">{t("addAccount")}</h2>
      <LabelledInput id="acc-name" label={t("name")} value={name()} onValue={setName} required />
      <LabelledInput
        id="acc-email"
        label={t("email")}
        type="email"
        autocomplete="off"
        value={email()}
        onValue={setEmail}
        required
      />
      <label for="acc-role">{t("role")}</label>
      <select id="acc-role" value={role()} onChange={(e) => setRole(e.currentTarget.value as OrganiserRole)}>
        <For each={Object.keys(ROLE_NAMES) as OrganiserRole[]}>
          {(r) => <option value={r}>{t(ROLE_NAMES[r])}</option>}
        </For>
      </select>
      <LabelledInput
        id="acc-password"
        label={t("initialPassword", { count: MIN_PASSWORD_LENGTH })}
        type="text"
        autocomplete="off"
        value={password()}
        onValue={setPassword}
        required
      />
      <FormProblem problem={problem()} />
      <Show when={notice()}>
        <p role="status">{notice()}</p>
      </Show>
      <button type="submit" class="button primary">
        {t("addAccountButton")}
      </button>
    </form>
  );
}
