// Importing a workshop's participants from a CSV: checked first, columns mapped by the organiser where the headers
// are not recognised (the mapping is remembered server side), bad lines skipped or corrected in the preview.
import { For, Index, Show, createSignal } from "solid-js";
import type { ImportPreview, ImportRow } from "../../../shared/console";
import type { ColumnChoices, ImportTarget, LineFix } from "../../../shared/importMapping";
import { consoleRequest } from "../../sync/consoleClient";
import { importsText as t } from "./consoleText";
import { wordedProblem } from "./consoleErrors";

const TARGET_LABELS = {
  ignore: "targetIgnore",
  name: "targetName",
  email: "targetEmail",
  administration: "targetAdministration",
  position: "targetPosition",
} as const satisfies Record<ImportTarget, string>;
const FIXABLE = ["name", "administration", "email", "position"] as const;

export function CsvImport(props: { workshopId: string; onImported: () => void }) {
  const [csv, setCsv] = createSignal("");
  const [preview, setPreview] = createSignal<ImportPreview>();
  const [skipLines, setSkipLines] = createSignal<number[]>([]);
  const [headers, setHeaders] = createSignal<string[]>([]);
  const [columns, setColumns] = createSignal<ColumnChoices>();
  const [fixes, setFixes] = createSignal<LineFix[]>([]);
  const [message, setMessage] = createSignal<string>();
  const changeCsv = (text: string) => {
    setCsv(text);
    // Line numbers and headers belong to the checked file; a changed file is checked afresh.
    setPreview(undefined);
    setSkipLines([]);
    setHeaders([]);
    setColumns(undefined);
    setFixes([]);
  };
  const send = async (commit: boolean) => {
    const chosen = columns();
    const result = await consoleRequest<ImportPreview & { preview?: ImportPreview }>(
      "POST",
      `/workshops/${encodeURIComponent(props.workshopId)}/participants/import`,
      {
        csv: csv(),
        commit,
        skipLines: skipLines(),
        fixes: fixes(),
        ...(chosen !== undefined ? { columns: chosen } : {}),
      },
    );
    if (result.ok) {
      setPreview(result.body);
      setHeaders(result.body.headers ?? []);
      setMessage(result.body.committed ? t("participantsImported", { count: result.body.valid }) : undefined);
      if (result.body.committed) {
        changeCsv("");
        props.onImported();
      }
      return;
    }
    setMessage(result.error.message);
    // Headers we do not recognise: offer a choice per column of the file.
    if (result.error.code === "csv_header_invalid") {
      const named = (result.error.details ?? []).map((d) => d.message);
      setHeaders(named);
      if (columns() === undefined) setColumns(named.map(() => "ignore" as const));
      setPreview(undefined);
    }
  };
  const choose = (index: number, target: ImportTarget) => {
    const current = columns() ?? preview()?.columns ?? headers().map(() => "ignore" as const);
    setColumns(current.map((c, i) => (i === index ? target : c)));
  };
  const toggleSkip = (line: number, skip: boolean) => {
    setSkipLines((lines) => (skip ? [...lines, line] : lines.filter((l) => l !== line)));
    void send(false);
  };
  const fixCell = (row: ImportRow, field: (typeof FIXABLE)[number], value: string) => {
    setFixes((all) => {
      const others = all.filter((f) => f.line !== row.line);
      const before = all.find((f) => f.line === row.line)?.values ?? {};
      return [...others, { line: row.line, values: { ...before, [field]: value } }];
    });
  };
  const flagged = () =>
    preview()?.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0 || r.fixed === true) ?? [];
  const shownColumns = () => columns() ?? preview()?.columns;
  return (
    <section class="card" aria-labelledby="csv-import">
      <h2 id="csv-import">{t("csvHeading")}</h2>
      <p class="muted">{t("csvIntro")}</p>
      <label for="csv-file">{t("csvFile")}</label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        onChange={async (e) => changeCsv((await e.currentTarget.files?.[0]?.text()) ?? "")}
      />
      <label for="csv-text">{t("pasteRows")}</label>
      <textarea id="csv-text" rows={6} value={csv()} onInput={(e) => changeCsv(e.currentTarget.value)} />
      <Show when={headers().length > 0}>
        <fieldset class="column-mapping">
          <legend>{t("whichColumn")}</legend>
          <Show when={preview()?.mappingSource === "remembered"}>
            <p data-testid="mapping-remembered">{t("mappingRemembered")}</p>
          </Show>
          <Index each={headers()}>
            {(header, index) => (
              <div>
                <label for={`column-${index}`}>{t("columnNamed", { header: header() })}</label>
                <select
                  id={`column-${index}`}
                  value={shownColumns()?.[index] ?? "ignore"}
                  onChange={(e) => choose(index, e.currentTarget.value as ImportTarget)}
                >
                  <For each={Object.keys(TARGET_LABELS) as ImportTarget[]}>
                    {(target) => <option value={target}>{t(TARGET_LABELS[target])}</option>}
                  </For>
                </select>
              </div>
            )}
          </Index>
        </fieldset>
      </Show>
      <div class="button-row">
        <button type="button" class="button" disabled={!csv().trim()} onClick={() => void send(false)}>
          {t("check")}
        </button>
        <button
          type="button"
          class="button primary"
          disabled={!preview() || (preview()?.invalid ?? 1) > 0 || !preview()?.valid || preview()?.committed}
          onClick={() => void send(true)}
        >
          {preview()?.valid === undefined ? t("importNone") : t("importCount", { count: preview()!.valid })}
        </button>
      </div>
      <Show when={message()}>
        <p role="status">{message()}</p>
      </Show>
      <Show when={preview() && !preview()!.committed}>
        <p data-testid="csv-summary">
          {t("csvSummary", { valid: preview()!.valid, invalid: preview()!.invalid, skipped: preview()!.skipped })}
        </p>
        <Show when={preview()!.ignoredColumns.length > 0}>
          <p data-testid="csv-ignored">{t("columnsNotImported", { columns: preview()!.ignoredColumns.join(", ") })}</p>
        </Show>
        <ul class="csv-errors">
          {/* Index, not For: each check replaces the rows, and the same line must keep its inputs (and focus). */}
          <Index each={flagged()}>
            {(r) => (
              <li>
                <span>
                  {t(r().fixed ? "lineCorrectedProblems" : "lineProblems", { line: String(r().line) })}
                  {[...r().errors, ...r().warnings].map((p) => wordedProblem(p.problem, p.message)).join("; ") ||
                    t("noProblemsLeft")}
                </span>
                <Show when={r().errors.length > 0 || r().fixed}>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={r().skipped}
                      onChange={(e) => toggleSkip(r().line, e.currentTarget.checked)}
                    />
                    <span>{t("skipLine", { line: String(r().line) })}</span>
                  </label>
                  <details class="line-fix">
                    <summary>{t("correctLine", { line: String(r().line) })}</summary>
                    <For each={FIXABLE}>
                      {(field) => (
                        <div>
                          <label for={`fix-${r().line}-${field}`}>
                            {t("fieldOfLine", { field: t(TARGET_LABELS[field]), line: String(r().line) })}
                          </label>
                          <input
                            id={`fix-${r().line}-${field}`}
                            value={r().values[field] ?? ""}
                            onChange={(e) => fixCell(r(), field, e.currentTarget.value)}
                          />
                        </div>
                      )}
                    </For>
                    <button type="button" class="button small" onClick={() => void send(false)}>
                      {t("checkLineAgain", { line: String(r().line) })}
                    </button>
                  </details>
                </Show>
              </li>
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}
