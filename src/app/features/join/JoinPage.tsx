// Joining: an invitation link (/join/CODE) or a typed code. Needs the network once, then never again.
import { useNavigate, useParams } from "../../ui/router";
import { Show, createSignal, onMount } from "solid-js";
import { isJoined, keepJoin, loadStore } from "../../store/storeLoader";
import { fetchInvitation, normaliseInvitationCode } from "../../sync/invitationFetch";
import { whenFirstScreenShown } from "../../ui/firstScreen";
import { OfflineReadiness } from "../home/OfflineReadiness";
import { t } from "../../i18n/coreMessages";

export function JoinPage() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const [code, setCode] = createSignal(params.code ?? "");
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<string>();

  async function join(raw: string) {
    setProblem(undefined);
    const normalised = normaliseInvitationCode(raw);
    // Already on this phone: no network needed to carry on.
    if (normalised && (await isJoined(normalised))) return navigate(`/survey/${normalised}`, { replace: true });
    setBusy(true);
    const result = await fetchInvitation(raw);
    // On a first visit it is held in memory and stored once the questionnaire is up (store/storeLoader.ts).
    if (result.ok) await keepJoin(result.payload);
    setBusy(false);
    if (result.ok) {
      // The materials list is part of being ready offline: fetched as soon as the questionnaire is up, beside the
      // service worker's precache, so the library opens offline even if it was never visited.
      const joinedCode = result.payload.code;
      void whenFirstScreenShown()
        .then(() => Promise.all([import("../../sync/afterJoin"), loadStore()]))
        .then(([{ storeMaterialsListAfterJoin }]) => storeMaterialsListAfterJoin(joinedCode));
      navigate(`/survey/${joinedCode}`, { replace: true });
    } else setProblem(result.message);
  }

  onMount(() => {
    if (params.code) void join(params.code);
  });

  return (
    <main class="page">
      <h1>{t("joinHeading")}</h1>
      <OfflineReadiness />
      <p>{t("joinExplained")}</p>
      <form
        class="card"
        onSubmit={(event) => {
          event.preventDefault();
          void join(code());
        }}
      >
        <label for="invitation-code">{t("invitationCode")}</label>
        <input
          id="invitation-code"
          name="code"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          inputmode="text"
          placeholder={t("invitationCodeExample")}
          value={code()}
          onInput={(event) => setCode(event.currentTarget.value)}
          aria-describedby={problem() ? "join-problem" : undefined}
          aria-invalid={problem() ? "true" : undefined}
          required
        />
        <Show when={problem()}>
          <p id="join-problem" class="field-error" role="alert">
            {problem()}
          </p>
        </Show>
        <button class="button primary" type="submit" disabled={busy()}>
          {busy() ? t("opening") : t("openQuestionnaire")}
        </button>
      </form>
    </main>
  );
}
