// The organiser's workshops, by fiscal year, each with its dates, venue, campaign state and reply rate; and a form
// to add one.
// Kept whole past 300 lines: the list, the demo-data card and the add/edit form share one resource and its refetch.
import { For, Show, createResource, createSignal } from "solid-js";
import type { ConsoleWorkshop, NewWorkshop } from "../../../shared/console";
import { SUB_REGIONS, SUB_REGION_NAMES, type Administration } from "../../../shared/directory";
import { consoleRequest } from "../../sync/consoleClient";
import { Link, navigate } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { FormProblem } from "../../ui/FormProblem";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { DemoDataArchive } from "./DemoDataArchive";
import { campaignState, replyRate, workshopDates } from "./workshopOverview";
import "../../ui/stackedTables.css";
import "./consoleOverview.css";

/** The workshop form's fields as the conflict comparison names them. */
const FIELD_LABELS = {
  title: "Title",
  kind: "Kind",
  mode: "Mode",
  startsOn: "First day",
  endsOn: "Last day",
  location: "Host and place",
  month: "Month",
  administrationCodes: "Administrations",
};

function formValuesOf(w: ConsoleWorkshop): NewWorkshop {
  return {
    title: w.title,
    kind: w.kind,
    mode: w.mode,
    startsOn: w.startsOn ?? null,
    endsOn: w.endsOn ?? null,
    location: w.location ?? null,
    month: w.month ?? null,
    administrationCodes: w.administrationCodes,
  };
}

const KIND_LABELS = { regional: "Regional", "sub-regional": "Sub-regional", national: "National" } as const;

export default withConsoleLayout(Workshops);

function Workshops() {
  const [workshops, { refetch }] = createResource(async () => {
    const result = await consoleRequest<{ workshops: ConsoleWorkshop[] }>("GET", "/workshops");
    return result.ok ? result.body.workshops : [];
  });
  // The campaigns' states as of opening the page; a reload brings them up to date.
  const now = new Date();
  const years = () => [...new Set((workshops() ?? []).map((w) => w.fiscalYear))].sort().reverse();
  return (
    <main class="page console">
      <h1>Workshops</h1>
      <For each={years()}>
        {(year) => (
          <section>
            <h2 id={`workshops-${year.replace("/", "-")}`}>FY {year}</h2>
            <p>
              <Link href={`/console/replies/${year.replace("/", "-")}`}>Replies for FY {year}</Link> ·{" "}
              <Link href={`/console/report/${year.replace("/", "-")}`}>Report tables</Link>
            </p>
            <div class="table-wrap stack-when-narrow">
              <table aria-labelledby={`workshops-${year.replace("/", "-")}`} data-testid="console-workshops">
                <thead>
                  <tr>
                    <th scope="col">Workshop</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Venue</th>
                    <th scope="col">Follow-up campaign</th>
                    <th scope="col">Replies</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={(workshops() ?? []).filter((w) => w.fiscalYear === year)}>
                    {(w) => (
                      <tr data-testid="console-workshop">
                        <td>
                          <Link href={`/console/workshops/${w.id}`}>{w.title}</Link>
                          <span class="muted workshop-facts">
                            {KIND_LABELS[w.kind]} · {w.mode} · {w.participatingAdministrations ?? "?"} administrations ·{" "}
                            {w.participantCount} participants
                          </span>
                        </td>
                        <td data-label="Dates">{workshopDates(w.startsOn, w.endsOn)}</td>
                        <td data-label="Venue">{w.location || "—"}</td>
                        <td data-label="Follow-up campaign">
                          <Show when={w.latestCampaign} fallback={campaignState(undefined, now)}>
                            {(c) => <Link href={`/console/campaigns/${c().id}`}>{campaignState(c(), now)}</Link>}
                          </Show>
                        </td>
                        <td class="number" data-label="Replies">
                          {replyRate(w.latestCampaign)}
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </section>
        )}
      </For>
      <Show when={canChange()}>
        <WorkshopForm
          copyFrom={workshops() ?? []}
          onSaved={(id) => (refetch(), navigate(`/console/workshops/${id}`))}
        />
        <DemoDataArchive onChanged={() => void refetch()} />
      </Show>
    </main>
  );
}

/** Adds a workshop, or (given `initial`) edits one. */
export function WorkshopForm(props: {
  initial?: ConsoleWorkshop;
  /** Earlier workshops whose set-up a new one may start from. */
  copyFrom?: ConsoleWorkshop[];
  onSaved: (id: string) => void;
}) {
  const [administrations] = createResource(async () => {
    const result = await consoleRequest<{ administrations: Administration[] }>("GET", "/administrations");
    return result.ok ? result.body.administrations : [];
  });
  const start = props.initial;
  const [form, setForm] = createSignal<NewWorkshop>(
    start
      ? formValuesOf(start)
      : {
          title: "",
          kind: "national",
          mode: "in-person",
          startsOn: null,
          endsOn: null,
          location: null,
          administrationCodes: [],
        },
  );
  // A count of administrations is for workshops whose list is not known; a list, once ticked, gives its own count.
  const [count, setCount] = createSignal(
    start && start.administrationCodes.length === 0 && start.participatingAdministrations
      ? String(start.participatingAdministrations)
      : "",
  );
  const [problem, setProblem] = createSignal<string>();
  // The version this form's values were loaded at: a save lands only while the workshop is still at it.
  const [loadedVersion, setLoadedVersion] = createSignal(start?.version ?? 1);
  const [conflict, setConflict] = createSignal<EditConflict>();
  const update = (changes: Partial<NewWorkshop>) => setForm((f) => ({ ...f, ...changes }));
  const toggle = (code: string, on: boolean) =>
    update({
      administrationCodes: on
        ? [...(form().administrationCodes ?? []), code]
        : (form().administrationCodes ?? []).filter((c) => c !== code),
    });

  const submit = async (event: Event) => {
    event.preventDefault();
    await save();
  };

  const save = async () => {
    const body = {
      ...form(),
      startsOn: form().startsOn || null,
      endsOn: form().endsOn || null,
      location: form().location || null,
      month: form().month || null,
      ...(count() !== "" ? { participatingAdministrations: Number(count()) } : {}),
    };
    const result = start
      ? await consoleRequest<ConsoleWorkshop>("PATCH", `/workshops/${encodeURIComponent(start.id)}`, {
          ...body,
          version: loadedVersion(),
        })
      : await consoleRequest<ConsoleWorkshop>("POST", "/workshops", body);
    if (!result.ok) {
      const changed = editConflictOf(result);
      setConflict(changed);
      if (changed) return setProblem(undefined);
      return setProblem(result.error.details?.map((d) => `${d.path}: ${d.message}`).join(" ") || result.error.message);
    }
    setProblem(undefined);
    props.onSaved(result.body.id);
  };

  const keepMine = (current: EditConflict["current"]) => {
    setLoadedVersion(current.version);
    setConflict(undefined);
    void save();
  };

  const useTheirs = (current: EditConflict["current"]) => {
    setForm(formValuesOf(current as ConsoleWorkshop));
    setLoadedVersion(current.version);
    setConflict(undefined);
  };

  return (
    <form class="card" onSubmit={(e) => void submit(e)} aria-labelledby="new-workshop">
      <h2 id="new-workshop">{start ? "Edit the workshop" : "Add a workshop"}</h2>
      <Show when={!start && (props.copyFrom ?? []).length > 0}>
        <label for="w-copy">Copy from…</label>
        <select
          id="w-copy"
          onChange={(e) => {
            const source = props.copyFrom?.find((w) => w.id === e.currentTarget.value);
            // Its set-up only: dates and participants belong to each run of a workshop.
            if (source)
              update({
                kind: source.kind,
                mode: source.mode,
                location: source.location ?? null,
                administrationCodes: [...source.administrationCodes],
              });
          }}
        >
          <option value="">A new set-up</option>
          <For each={props.copyFrom}>
            {(w) => (
              <option value={w.id}>
                {w.title} (FY {w.fiscalYear})
              </option>
            )}
          </For>
        </select>
      </Show>
      <label for="w-title">Title</label>
      <input id="w-title" value={form().title} onInput={(e) => update({ title: e.currentTarget.value })} required />
      <label for="w-kind">Kind</label>
      <select
        id="w-kind"
        value={form().kind}
        onChange={(e) => update({ kind: e.currentTarget.value as NewWorkshop["kind"] })}
      >
        <option value="regional">Regional</option>
        <option value="sub-regional">Sub-regional</option>
        <option value="national">National</option>
      </select>
      <label for="w-mode">Mode</label>
      <select
        id="w-mode"
        value={form().mode}
        onChange={(e) => update({ mode: e.currentTarget.value as NewWorkshop["mode"] })}
      >
        <option value="in-person">In person</option>
        <option value="virtual">Virtual</option>
        <option value="hybrid">Hybrid</option>
      </select>
      <label for="w-starts">First day</label>
      <input
        id="w-starts"
        type="date"
        value={form().startsOn ?? ""}
        onInput={(e) => update({ startsOn: e.currentTarget.value })}
      />
      <label for="w-ends">Last day</label>
      <input
        id="w-ends"
        type="date"
        value={form().endsOn ?? ""}
        onInput={(e) => update({ endsOn: e.currentTarget.value })}
      />
      <label for="w-month">Month, when the exact days are not known</label>
      <input
        id="w-month"
        type="month"
        placeholder="2020-11"
        value={form().month ?? ""}
        onInput={(e) => update({ month: e.currentTarget.value })}
      />
      <label for="w-location">Host and place</label>
      <input
        id="w-location"
        value={form().location ?? ""}
        onInput={(e) => update({ location: e.currentTarget.value })}
      />
      <fieldset class="choices">
        <legend class="question-label">Participating administrations</legend>
        <For each={SUB_REGIONS}>
          {(region) => (
            <details>
              <summary>{SUB_REGION_NAMES[region]}</summary>
              <For each={(administrations() ?? []).filter((a) => a.subRegion === region)}>
                {(a) => (
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={(form().administrationCodes ?? []).includes(a.code)}
                      onChange={(e) => toggle(a.code, e.currentTarget.checked)}
                    />
                    <span>{a.name}</span>
                  </label>
                )}
              </For>
            </details>
          )}
        </For>
      </fieldset>
      <label for="w-count">Number of participating administrations, when the list is not known</label>
      <input
        id="w-count"
        type="number"
        min="0"
        max="1000"
        inputmode="numeric"
        value={count()}
        onInput={(e) => setCount(e.currentTarget.value)}
      />
      <FormProblem problem={problem()} />
      <Show when={conflict()}>
        {(c) => (
          <EditConflictNotice
            conflict={c()}
            mine={form()}
            labels={FIELD_LABELS}
            onKeepMine={() => keepMine(c().current)}
            onUseTheirs={() => useTheirs(c().current)}
          />
        )}
      </Show>
      <button type="submit" class="button primary">
        {start ? "Save changes" : "Add workshop"}
      </button>
    </form>
  );
}
