// Past years kept as their published figures: the stored years, a sheet to import, and a form to enter or edit one;
// below, an earlier round's raw replies to import.
import { For, Index, Show, createResource, createSignal } from "solid-js";
import { createStore, produce } from "solid-js/store";
import { fiscalYearToPath } from "../../../shared/console";
import {
  FOLLOW_UP_ACTIONS,
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
import { reportsText as t } from "./consoleText";
import { YES_NO, draftOf, emptyDraft, workshopOf, type WorkshopDraft } from "./summaryDraft";
import "./pastYears.css";
import { LabelledInput } from "../../ui/LabelledInput";

export default withConsoleLayout(PastYears);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const problemOf = (result: ConsoleResult<unknown>): string | undefined =>
  result.ok ? undefined : [result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" ");

function NumberField(props: { id: string; label: string; value: string; onValue: (value: string) => void }) {
  return (
    <span class="summary-field">
      <LabelledInput
        id={props.id}
        label={props.label}
        type="number"
        inputmode="numeric"
        min="0"
        value={props.value}
        onValue={props.onValue}
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
  const yearProblem = () => (/^\d{4}\/\d{2}$/.test(fiscalYear().trim()) ? undefined : t("yearFormatProblem"));

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
    if (!window.confirm(t("confirmDelete", { year }))) return;
    const result = await consoleRequest("DELETE", `/summary-years/${fiscalYearToPath(year)}`);
    setDone(result.ok ? t("yearDeleted", { year }) : problemOf(result));
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
      setDone(t("yearSaved", { year: result.body.fiscalYear, count: result.body.workshops.length }));
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
    setDone(t("yearImported", { year: result.body.fiscalYear, count: result.body.workshops.length }));
    void refetch();
  };

  return (
    <main class="page console">
      <p class="eyebrow">
        <Link href="/console">{t("workshops")}</Link> · <Link href="/console/trends">{t("trends")}</Link>
      </p>
      <h1>{t("pastYearsHeading")}</h1>
      <p>{t("pastYearsIntro")}</p>
      <h2>{t("storedYears")}</h2>
      <Show when={(years() ?? []).length > 0} fallback={<p class="muted">{t("noPastYear")}</p>}>
        <ul data-testid="summary-years">
          <For each={years()}>
            {(y) => (
              <li>
                {t("storedYearLine", { year: y.fiscalYear, workshops: y.workshops, replies: y.replies })}{" "}
                <a href={`/api/console/summary-years/${fiscalYearToPath(y.fiscalYear)}/sheet.xlsx`}>{t("sheetXlsx")}</a>
                <Show when={canChange()}>
                  {" "}
                  ·{" "}
                  <button type="button" class="button small" onClick={() => void edit(y.fiscalYear)}>
                    {t("editYear", { year: y.fiscalYear })}
                  </button>{" "}
                  <button type="button" class="button small" onClick={() => void remove(y.fiscalYear)}>
                    {t("deleteYear", { year: y.fiscalYear })}
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
          <h2 id="enter-year">{t("enterYear")}</h2>
          <LabelledInput
            id="summary-year"
            label={t("fiscalYearField")}
            value={fiscalYear()}
            onValue={setFiscalYear}
            required
          />

          <h3>{t("importSheet")}</h3>
          <p class="muted">
            {t("importIntroBefore")} <a href="/api/console/summary-years-template.xlsx">{t("emptyTemplate")}</a>
            {t("importIntroAfter")}
          </p>
          <FilePicker id="summary-sheet" label={t("summarySheet")} accept=".xlsx,.csv" onFiles={importSheet} />
          <Show when={importProblems().length > 0}>
            <ul class="field-error" role="alert" data-testid="import-problems">
              <For each={importProblems()}>{(p) => <li>{p}</li>}</For>
            </ul>
          </Show>

          <h3>{t("typeFigures")}</h3>
          <Index each={form.workshops}>
            {(w, i) => {
              const id = (field: string) => `w${i}-${field}`;
              const set = (change: (d: WorkshopDraft) => void) => setForm("workshops", i, produce(change));
              return (
                <fieldset class="summary-workshop">
                  <legend>{t("workshopNumber", { number: i + 1 })}</legend>
                  <LabelledInput
                    id={id("title")}
                    label={t("fieldTitle")}
                    value={w().title}
                    onValue={(value) => set((d) => (d.title = value))}
                  />
                  <label for={id("kind")}>{t("fieldKind")}</label>
                  <select
                    id={id("kind")}
                    value={w().kind}
                    onChange={(e) => set((d) => (d.kind = e.currentTarget.value as WorkshopDraft["kind"]))}
                  >
                    <option value="regional">{t("kindRegional")}</option>
                    <option value="sub-regional">{t("kindSubRegional")}</option>
                    <option value="national">{t("kindNational")}</option>
                  </select>
                  <LabelledInput
                    id={id("month")}
                    label={t("fieldMonth")}
                    type="month"
                    value={w().month}
                    onValue={(value) => set((d) => (d.month = value))}
                  />
                  <div class="summary-numbers">
                    <NumberField
                      id={id("adm")}
                      label={t("fieldAdministrations")}
                      value={w().participatingAdministrations}
                      onValue={(v) => set((d) => (d.participatingAdministrations = v))}
                    />
                    <NumberField
                      id={id("invited")}
                      label={t("fieldInvited")}
                      value={w().invitedParticipants}
                      onValue={(v) => set((d) => (d.invitedParticipants = v))}
                    />
                    <NumberField
                      id={id("replies")}
                      label={t("fieldReplies")}
                      value={w().replies}
                      onValue={(v) => set((d) => (d.replies = v))}
                    />
                    <For each={FOLLOW_UP_ACTIONS}>
                      {(a) => (
                        <NumberField
                          id={id(a)}
                          label={t(`action_${a}`)}
                          value={w().actions[a]}
                          onValue={(v) => set((d) => (d.actions[a] = v))}
                        />
                      )}
                    </For>
                    <For each={YES_NO}>
                      {([k]) => (
                        <>
                          <NumberField
                            id={id(`${k}-yes`)}
                            label={t("fieldYes", { label: t(`yesNo_${k}`) })}
                            value={w().yes[k]}
                            onValue={(v) => set((d) => (d.yes[k] = v))}
                          />
                          <NumberField
                            id={id(`${k}-no`)}
                            label={t("fieldNo", { label: t(`yesNo_${k}`) })}
                            value={w().no[k]}
                            onValue={(v) => set((d) => (d.no[k] = v))}
                          />
                        </>
                      )}
                    </For>
                  </div>
                  <details class="summary-lists">
                    <summary>{t("listsSummary")}</summary>
                    <p class="muted">{t("listsHint")}</p>
                    <For each={SUMMARY_LIST_COLUMNS}>
                      {(k) => (
                        <LabelledInput
                          id={id(`list-${k}`)}
                          label={t("listCodes", { label: t(`list_${k}`) })}
                          value={w().lists[k]}
                          onValue={(value) => set((d) => (d.lists[k] = value))}
                        />
                      )}
                    </For>
                  </details>
                  <Show when={form.workshops.length > 1}>
                    <button
                      type="button"
                      class="button small"
                      onClick={() => setForm("workshops", (list) => list.filter((_, j) => j !== i))}
                    >
                      {t("removeWorkshop", { number: i + 1 })}
                    </button>
                  </Show>
                </fieldset>
              );
            }}
          </Index>
          <button type="button" class="button" onClick={() => setForm("workshops", (list) => [...list, emptyDraft()])}>
            {t("addWorkshop")}
          </button>
          <FormProblem problem={problem()} />
          <button type="submit" class="button primary">
            {t("saveYear")}
          </button>
        </form>
        <EarlierRoundImport onImported={() => void refetch()} />
      </Show>
    </main>
  );
}
