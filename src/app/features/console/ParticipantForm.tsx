// Adding one participant by hand, and removing one, beside the CSV import.
import { For, Show, createResource, createSignal } from "solid-js";
import type { Participant } from "../../../shared/console";
import type { Administration } from "../../../shared/directory";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { workshopsText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

export function ParticipantForm(props: { workshopId: string; onAdded: () => void }) {
  const [administrations] = createResource(async () => {
    const result = await consoleRequest<{ administrations: Administration[] }>("GET", "/administrations");
    return result.ok ? result.body.administrations : [];
  });
  const [name, setName] = createSignal("");
  const [administrationCode, setAdministrationCode] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [position, setPosition] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await consoleRequest<Participant>(
      "POST",
      `/workshops/${encodeURIComponent(props.workshopId)}/participants`,
      { name: name(), administrationCode: administrationCode(), email: email(), position: position() || null },
    );
    if (!result.ok) return setProblem(result.error.details?.map((d) => d.message).join(" ") || result.error.message);
    setProblem(undefined);
    setName("");
    setEmail("");
    setPosition("");
    props.onAdded();
  };
  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="add-participant">
      <h2 id="add-participant">{t("addParticipant")}</h2>
      <LabelledInput id="p-name" label={t("columnName")} value={name()} onValue={setName} required />
      <label for="p-administration">{t("columnAdministration")}</label>
      <select
        id="p-administration"
        value={administrationCode()}
        onChange={(e) => setAdministrationCode(e.currentTarget.value)}
        required
      >
        <option value="">{t("chooseOption")}</option>
        <For each={administrations()}>{(a) => <option value={a.code}>{a.name}</option>}</For>
      </select>
      <LabelledInput id="p-email" label={t("emailAddress")} type="email" value={email()} onValue={setEmail} required />
      <LabelledInput id="p-position" label={t("positionOptional")} value={position()} onValue={setPosition} />
      <FormProblem problem={problem()} />
      <button type="submit" class="button primary">
        {t("addParticipantButton")}
      </button>
    </form>
  );
}

export async function removeParticipant(id: string): Promise<string | undefined> {
  const result = await consoleRequest("DELETE", `/participants/${encodeURIComponent(id)}`);
  return result.ok ? undefined : result.error.message;
}

/** Correcting a participant's details (a new e-mail address, a new position). */
export function ParticipantEditForm(props: { participant: Participant; onDone: () => void }) {
  // The form edits a copy: the participant as it was when the form opened gives the initial values, on purpose not tracked.
  // eslint-disable-next-line solid/reactivity
  const [name, setName] = createSignal(props.participant.name);
  // eslint-disable-next-line solid/reactivity
  const [email, setEmail] = createSignal(props.participant.email);
  // eslint-disable-next-line solid/reactivity
  const [position, setPosition] = createSignal(props.participant.position ?? "");
  const [problem, setProblem] = createSignal<string>();
  // eslint-disable-next-line solid/reactivity
  const [loadedVersion, setLoadedVersion] = createSignal(props.participant.version);
  const [conflict, setConflict] = createSignal<EditConflict>();
  const send = async () => {
    const result = await consoleRequest("PATCH", `/participants/${encodeURIComponent(props.participant.id)}`, {
      version: loadedVersion(),
      name: name(),
      email: email(),
      position: position() || null,
    });
    if (!result.ok) {
      const changed = editConflictOf(result);
      setConflict(changed);
      if (changed) return setProblem(undefined);
      return setProblem(result.error.details?.map((d) => d.message).join(" ") || result.error.message);
    }
    props.onDone();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    await send();
  };
  const keepMine = (current: EditConflict["current"]) => {
    setLoadedVersion(current.version);
    setConflict(undefined);
    void send();
  };
  const useTheirs = (current: EditConflict["current"]) => {
    setName(String(current.name ?? ""));
    setEmail(String(current.email ?? ""));
    setPosition(typeof current.position === "string" ? current.position : "");
    setLoadedVersion(current.version);
    setConflict(undefined);
  };
  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="edit-participant">
      <h2 id="edit-participant">{t("editName", { name: props.participant.name })}</h2>
      <LabelledInput id="e-name" label={t("columnName")} value={name()} onValue={setName} required />
      <LabelledInput id="e-email" label={t("emailAddress")} type="email" value={email()} onValue={setEmail} required />
      <LabelledInput id="e-position" label={t("position")} value={position()} onValue={setPosition} />
      <FormProblem problem={problem()} />
      <Show when={conflict()}>
        {(c) => (
          <EditConflictNotice
            conflict={c()}
            mine={{ name: name(), email: email(), position: position() || null }}
            labels={{ name: t("columnName"), email: t("emailAddress"), position: t("position") }}
            onKeepMine={() => keepMine(c().current)}
            onUseTheirs={() => useTheirs(c().current)}
          />
        )}
      </Show>
      <div class="button-row">
        <button type="button" class="button" onClick={() => props.onDone()}>
          {t("cancel")}
        </button>
        <button type="submit" class="button primary">
          {t("save")}
        </button>
      </div>
    </form>
  );
}
