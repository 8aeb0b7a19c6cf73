// The organiser's workshops, by fiscal year, each with its dates, venue, campaign state and reply rate; and a form
// to add one.
// Kept whole past 300 lines: the list, the demo-data card and the add/edit form share one resource and its refetch.
import { For, Show, createResource, createSignal } from "solid-js";
import { workshopFormValues, type ConsoleWorkshop, type NewWorkshop } from "../../../shared/console";
import { SUB_REGIONS, SUB_REGION_NAMES, type Administration } from "../../../shared/directory";
import { consoleRequest } from "../../sync/consoleClient";
import { Link, navigate } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { FormProblem } from "../../ui/FormProblem";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { DemoDataArchive } from "./DemoDataArchive";
import { KIND_KEYS, MODE_KEYS, campaignState, replyRate, workshopDates } from "./workshopOverview";
import { workshopsText as t } from "./consoleText";
import "./consoleOverview.css";
import { StackedTable } from "../../ui/StackedTable";
import { LabelledInput } from "../../ui/LabelledInput";

/** The workshop form's fields as the conflict comparison names them. */
const fieldLabels = () => ({
  title: t("fieldTitle"),
  kind: t("fieldKind"),
  mode: t("fieldMode"),
  startsOn: t("fieldFirstDay"),
  endsOn: t("fieldLastDay"),
  location: t("fieldLocation"),
  month: t("fieldMonth"),
  administrationCodes: t("fieldAdministrations"),
});

/** The form's values from a saved workshop: the fiscal year is left out, so new dates move it with them. */
function formValuesOf(w: ConsoleWorkshop): NewWorkshop {
  const { fiscalYear: _derivedFromDates, ...values } = workshopFormValues(w);
  return values;
}

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
      <h1>{t("workshopsHeading")}</h1>
      <For each={years()}>
        {(year) => (
          <section>
            <h2 id={`workshops-${year.replace("/", "-")}`}>{t("fiscalYear", { year })}</h2>
            <p>
              <Link href={`/console/replies/${year.replace("/", "-")}`}>{t("repliesForYear", { year })}</Link> ·{" "}
              <Link href={`/console/report/${year.replace("/", "-")}`}>{t("reportTables")}</Link>
            </p>
            <StackedTable
              columns={[
                t("columnWorkshop"),
                t("columnDates"),
                t("columnVenue"),
                t("columnCampaign"),
                t("columnReplies"),
              ]}
              testId="console-workshops"
              labelledBy={`workshops-${year.replace("/", "-")}`}
            >
              <For each={(workshops() ?? []).filter((w) => w.fiscalYear === year)}>
                {(w) => (
                  <tr data-testid="console-workshop">
                    <td>
                      <Link href={`/console/workshops/${w.id}`}>{w.title}</Link>
                      <span class="muted workshop-facts">
                        {t("workshopFacts", {
                          kind: t(KIND_KEYS[w.kind]),
                          mode: t(MODE_KEYS[w.mode]),
                          administrations: w.participatingAdministrations ?? "?",
                          participants: w.participantCount,
                        })}
                      </span>
                    </td>
                    <td data-label={t("columnDates")}>{workshopDates(w.startsOn, w.endsOn)}</td>
                    <td data-label={t("columnVenue")}>{w.location || "—"}</td>
                    <td data-label={t("columnCampaign")}>
                      <Show when={w.latestCampaign} fallback={campaignState(undefined, now)}>
                        {(c) => <Link href={`/console/campaigns/${c().id}`}>{campaignState(c(), now)}</Link>}
                      </Show>
                    </td>
                    <td class="number" data-label={t("columnReplies")}>
                      {replyRate(w.latestCampaign)}
                    </td>
                  </tr>
                )}
              </For>
            </StackedTable>
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
      <h2 id="new-workshop">{start ? t("editWorkshop") : t("addWorkshop")}</h2>
      <Show when={!start && (props.copyFrom ?? []).length > 0}>
        <label for="w-copy">{t("copyFrom")}</label>
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
          <option value="">{t("newSetUp")}</option>
          <For each={props.copyFrom}>
            {(w) => <option value={w.id}>{t("workshopOfYear", { title: w.title, year: w.fiscalYear })}</option>}
          </For>
        </select>
      </Show>
      <LabelledInput
        id="w-title"
        label={t("fieldTitle")}
        value={form().title}
        onValue={(value) => update({ title: value })}
        required
      />
      <label for="w-kind">{t("fieldKind")}</label>
      <select
        id="w-kind"
        value={form().kind}
        onChange={(e) => update({ kind: e.currentTarget.value as NewWorkshop["kind"] })}
      >
        <option value="regional">{t("kindRegional")}</option>
        <option value="sub-regional">{t("kindSubRegional")}</option>
        <option value="national">{t("kindNational")}</option>
      </select>
      <label for="w-mode">{t("fieldMode")}</label>
      <select
        id="w-mode"
        value={form().mode}
        onChange={(e) => update({ mode: e.currentTarget.value as NewWorkshop["mode"] })}
      >
        <option value="in-person">{t("modeInPerson")}</option>
        <option value="virtual">{t("modeVirtual")}</option>
        <option value="hybrid">{t("modeHybrid")}</option>
      </select>
      <LabelledInput
        id="w-starts"
        label={t("fieldFirstDay")}
        type="date"
        value={form().startsOn ?? ""}
        onValue={(value) => update({ startsOn: value })}
      />
      <LabelledInput
        id="w-ends"
        label={t("fieldLastDay")}
        type="date"
        value={form().endsOn ?? ""}
        onValue={(value) => update({ endsOn: value })}
      />
      <LabelledInput
        id="w-month"
        label={t("fieldMonthUnknownDays")}
        type="month"
        placeholder="2020-11"
        value={form().month ?? ""}
        onValue={(value) => update({ month: value })}
      />
      <LabelledInput
        id="w-location"
        label={t("fieldLocation")}
        value={form().location ?? ""}
        onValue={(value) => update({ location: value })}
      />
      <fieldset class="choices">
        <legend class="question-label">{t("participatingAdministrations")}</legend>
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
      <LabelledInput
        id="w-count"
        label={t("administrationCount")}
        type="number"
        min="0"
        max="1000"
        inputmode="numeric"
        value={count()}
        onValue={setCount}
      />
      <FormProblem problem={problem()} />
      <Show when={conflict()}>
        {(c) => (
          <EditConflictNotice
            conflict={c()}
            mine={form()}
            labels={fieldLabels()}
            onKeepMine={() => keepMine(c().current)}
            onUseTheirs={() => useTheirs(c().current)}
          />
        )}
      </Show>
      <button type="submit" class="button primary">
        {start ? t("saveChanges") : t("addWorkshopButton")}
      </button>
    </form>
  );
}
