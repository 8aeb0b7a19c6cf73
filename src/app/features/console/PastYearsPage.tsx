// Past years kept as their published figures: the stored years, a sheet to import, and a form to enter or edit one;
// below, an earlier round's raw replies to import.
import { For, Index, Show, createResource, createSignal } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { fiscalYearToPath } from "../../../shared/console";
import {
  FOLLOW_UP_ACTIONS,
  FOLLOW_UP_ACTION_LABELS,
  SUMMARY_LIST_COLUMNS,
  type SummaryYear,
  type SummaryYearListing,
} from "../../../shared/report";
import { consoleRequest, consoleUpload, type ConsoleResult } from "../../sync/consoleClient";
import { FilePicker } from "../../ui/FilePicker";
import { FormProblem } from "../../ui/FormProblem";
import { Link } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { EarlierRoundImport } from "./EarlierRoundImport";
import { canChange } from "./consoleState";
import { LIST_LABELS, YES_NO, draftOf, emptyDraft, workshopOf, type WorkshopDraft } from "./summaryDraft";
import "./pastYears.css";

export default withConsoleLayout(PastYears);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const problemOf = (result: ConsoleResult<unknown>): string | undefined =>
  result.ok ? undefined : [result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" ");

function NumberField(props: { id: string; label: string; value: string; onValue: (value: string) => void }) {
  return (
    <span class="summary-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        inputmode="numeric"
        min="0"
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </span>
  );
}

function PastYears() {
  const [years, { refetch }] = createResource(async () => {
    const result = await consoleRequest<{ years: SummaryYearListing[] }>("GET", "/summary-years");
    return result.ok ? result.body.years : [];
  });
  const [fiscalYear, setFiscalYear] = createSignal("");
  const [form, setForm] = createStore<{ workshops: WorkshopDraft[] }>({ workshops: [emptyDraft()] });
  const [problem, setProblem] = createSignal<string>();
  const [importProblems, setImportProblems] = createSignal<string[]>([]);
  const [done, setDone] = createSignal<string>();
  const yearPath = () => fiscalYearToPath(fiscalYear().trim());
  const yearProblem = () =>
    /^\d{4}\/\d{2}$/.test(fiscalYear().trim()) ? undefined : "Write the fiscal year like 2021/22 first.";

  const edit = async (year: string) => {
    const result = await consoleRequest<SummaryYear>("GET", `/summary-years/${fiscalYearToPath(year)}`);
    if (!result.ok) return setProblem(problemOf(result));
    setFiscalYear(year);
    setForm("workshops", result.body.workshops.map(draftOf));
    setProblem(undefined);
    setDone(undefined);
    document.getElementById("summary-year")?.focus();
  };
  const remove = async (year: string) => {
    if (!window.confirm(`Delete the stored figures of FY ${year}?`)) return;
    const result = await consoleRequest("DELETE", `/summary-years/${fiscalYearToPath(year)}`);
    setDone(result.ok ? `FY ${year} deleted.` : problemOf(result));
    void refetch();
  };
  const save = async (event: Event) => {
    event.preventDefault();
    if (yearProblem()) return setProblem(yearProblem());
    const result = await consoleRequest<SummaryYear>("PUT", `/summary-years/${yearPath()}`, {
      workshops: form.workshops.map(workshopOf),
    });
    setProblem(problemOf(result));
    if (result.ok) {
      setDone(`FY ${result.body.fiscalYear} saved: ${result.body.workshops.length} workshop(s).`);
      void refetch();
    }
  };
  const importSheet = async (files: FileList) => {
    if (yearProblem()) return setImportProblems([yearProblem()!]);
    const file = files[0];
    const type = file.name.toLowerCase().endsWith(".csv") ? "text/csv" : XLSX_TYPE;
    const result = await consoleUpload<SummaryYear>(`/summary-years/${yearPath()}/import`, file, type);
    if (!result.ok)
      return setImportProblems([result.error.message, ...(result.error.details ?? []).map((d) => d.message)]);
    setImportProblems([]);
    setForm("workshops", result.body.workshops.map(draftOf));
    setDone(`FY ${result.body.fiscalYear} imported: ${result.body.workshops.length} workshop(s).`);
    void refetch();
  };

  return (
    <main class="page console">
      <p class="eyebrow">
        <Link href="/console">Workshops</Link> · <Link href="/console/trends">Trends</Link>
      </p>
      <h1>Past years</h1>
      <p>
        A year whose replies are not in Outrigger can still be compared with: keep its published figures here. A year
        with replies of its own is always computed from them.
      </p>
      <h2>Stored years</h2>
      <Show when={(years() ?? []).length > 0} fallback={<p class="muted">No past year is stored yet.</p>}>
        <ul data-testid="summary-years">
          <For each={years()}>
            {(y) => (
              <li>
                FY {y.fiscalYear}: {y.workshops} workshop(s), {y.replies} replies ·{" "}
                <a href={`/api/console/summary-years/${fiscalYearToPath(y.fiscalYear)}/sheet.xlsx`}>sheet (XLSX)</a>
                <Show when={canChange()}>
                  {" "}
                  ·{" "}
                  <button type="button" class="button small" onClick={() => void edit(y.fiscalYear)}>
                    Edit FY {y.fiscalYear}
                  </button>{" "}
                  <button type="button" class="button small" onClick={() => void remove(y.fiscalYear)}>
                    Delete FY {y.fiscalYear}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p role="status" data-testid="past-years-status">
        {done()}
      </p>

      <Show when={canChange()}>
        <form class="card" onSubmit={(e) => void save(e)} aria-labelledby="enter-year">
          <h2 id="enter-year">Enter, import or edit a year</h2>
          <label for="summary-year">Fiscal year (July–June), e.g. 2021/22</label>
          <input
            id="summary-year"
            value={fiscalYear()}
            onInput={(e) => setFiscalYear(e.currentTarget.value)}
            required
          />

          <h3>Import a summary sheet</h3>
          <p class="muted">
            One row per workshop, in the columns of the{" "}
            <a href="/api/console/summary-years-template.xlsx">empty template (XLSX)</a>. It replaces the year's
            figures; a sheet with any wrong cell is refused whole.
          </p>
          <FilePicker
            id="summary-sheet"
            label="Summary sheet (.xlsx or .csv)"
            accept=".xlsx,.csv"
            onFiles={importSheet}
          />
          <Show when={importProblems().length > 0}>
            <ul class="field-error" role="alert" data-testid="import-problems">
              <For each={importProblems()}>{(p) => <li>{p}</li>}</For>
            </ul>
          </Show>

          <h3>Or type the published figures</h3>
          <Index each={form.workshops}>
            {(w, i) => {
              const id = (field: string) => `w${i}-${field}`;
              const set = (change: (d: WorkshopDraft) => void) => setForm("workshops", i, produce(change));
              return (
                <fieldset class="summary-workshop">
                  <legend>Workshop {i + 1}</legend>
                  <label for={id("title")}>Title</label>
                  <input
                    id={id("title")}
                    value={w().title}
                    onInput={(e) => set((d) => (d.title = e.currentTarget.value))}
                  />
                  <label for={id("kind")}>Kind</label>
                  <select
                    id={id("kind")}
                    value={w().kind}
                    onChange={(e) => set((d) => (d.kind = e.currentTarget.value as WorkshopDraft["kind"]))}
                  >
                    <option value="regional">Regional</option>
                    <option value="sub-regional">Sub-regional</option>
                    <option value="national">National</option>
                  </select>
                  <label for={id("month")}>Month (optional)</label>
                  <input
                    id={id("month")}
                    type="month"
                    value={w().month}
                    onInput={(e) => set((d) => (d.month = e.currentTarget.value))}
                  />
                  <div class="summary-numbers">
                    <NumberField
                      id={id("adm")}
                      label="Participating administrations"
                      value={w().participatingAdministrations}
                      onValue={(v) => set((d) => (d.participatingAdministrations = v))}
                    />
                    <NumberField
                      id={id("invited")}
                      label="Invited participants (optional)"
                      value={w().invitedParticipants}
                      onValue={(v) => set((d) => (d.invitedParticipants = v))}
                    />
                    <NumberField
                      id={id("replies")}
                      label="Replies"
                      value={w().replies}
                      onValue={(v) => set((d) => (d.replies = v))}
                    />
                    <For each={FOLLOW_UP_ACTIONS}>
                      {(a) => (
                        <NumberField
                          id={id(a)}
                          label={FOLLOW_UP_ACTION_LABELS[a]}
                          value={w().actions[a]}
                          onValue={(v) => set((d) => (d.actions[a] = v))}
                        />
                      )}
                    </For>
                    <For each={YES_NO}>
                      {([k, label]) => (
                        <>
                          <NumberField
                            id={id(`${k}-yes`)}
                            label={`${label}: Yes`}
                            value={w().yes[k]}
                            onValue={(v) => set((d) => (d.yes[k] = v))}
                          />
                          <NumberField
                            id={id(`${k}-no`)}
                            label={`${label}: No (blank: the rest)`}
                            value={w().no[k]}
                            onValue={(v) => set((d) => (d.no[k] = v))}
                          />
                        </>
                      )}
                    </For>
                  </div>
                  <details class="summary-lists">
                    <summary>Tables 4 and 7: administrations (optional)</summary>
                    <p class="muted">Codes as the report lists them, separated by spaces: FJ TO VU.</p>
                    <For each={SUMMARY_LIST_COLUMNS}>
                      {(k) => (
                        <>
                          <label for={id(`list-${k}`)}>{LIST_LABELS[k]} (codes)</label>
                          <input
                            id={id(`list-${k}`)}
                            value={w().lists[k]}
                            onInput={(e) => set((d) => (d.lists[k] = e.currentTarget.value))}
                          />
                        </>
                      )}
                    </For>
                  </details>
                  <Show when={form.workshops.length > 1}>
                    <button
                      type="button"
                      class="button small"
                      onClick={() => setForm("workshops", (list) => list.filter((_, j) => j !== i))}
                    >
                      Remove workshop {i + 1}
                    </button>
                  </Show>
                </fieldset>
              );
            }}
          </Index>
          <button type="button" class="button" onClick={() => setForm("workshops", (list) => [...list, emptyDraft()])}>
            Add a workshop
          </button>
          <FormProblem problem={problem()} />
          <button type="submit" class="button primary">
            Save the year
          </button>
        </form>
        <EarlierRoundImport onImported={() => void refetch()} />
      </Show>
    </main>
  );
}
