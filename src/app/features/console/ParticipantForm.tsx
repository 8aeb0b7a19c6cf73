// Adding one participant by hand, and removing one, beside the CSV import.
import { For, createResource, createSignal } from "solid-js";
import type { Participant } from "../../../shared/console";
import type { Administration } from "../../../shared/directory";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";

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
      <h2 id="add-participant">Add a participant</h2>
      <label for="p-name">Name</label>
      <input id="p-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} required />
      <label for="p-administration">Administration</label>
      <select
        id="p-administration"
        value={administrationCode()}
        onChange={(e) => setAdministrationCode(e.currentTarget.value)}
        required
      >
        <option value="">Choose…</option>
        <For each={administrations()}>{(a) => <option value={a.code}>{a.name}</option>}</For>
      </select>
      <label for="p-email">E-mail address</label>
      <input id="p-email" type="email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} required />
      <label for="p-position">Position or division (optional)</label>
      <input id="p-position" value={position()} onInput={(e) => setPosition(e.currentTarget.value)} />
      <FormProblem problem={problem()} />
      <button type="submit" class="button primary">
        Add participant
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
  const save = async (event: Event) => {
    event.preventDefault();
    const result = await consoleRequest("PATCH", `/participants/${encodeURIComponent(props.participant.id)}`, {
      name: name(),
      email: email(),
      position: position() || null,
    });
    if (!result.ok) return setProblem(result.error.details?.map((d) => d.message).join(" ") || result.error.message);
    props.onDone();
  };
  return (
    <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="edit-participant">
      <h2 id="edit-participant">Edit {props.participant.name}</h2>
      <label for="e-name">Name</label>
      <input id="e-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} required />
      <label for="e-email">E-mail address</label>
      <input id="e-email" type="email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} required />
      <label for="e-position">Position or division</label>
      <input id="e-position" value={position()} onInput={(e) => setPosition(e.currentTarget.value)} />
      <FormProblem problem={problem()} />
      <div class="button-row">
        <button type="button" class="button" onClick={() => props.onDone()}>
          Cancel
        </button>
        <button type="submit" class="button primary">
          Save
        </button>
      </div>
    </form>
  );
}
