// "Import an earlier round's replies": Outrigger's own replies export from another server or year, previewed, then stored.
import { For, Show, createSignal } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import { consoleUpload } from "../../sync/consoleClient";
import { FilePicker } from "../../ui/FilePicker";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface ImportOutcome {
  fiscalYear: string;
  preview: boolean;
  replies: number;
  alreadyHere: number;
  newWorkshops: string[];
}

export function EarlierRoundImport(props: { onImported: () => void }) {
  const [fiscalYear, setFiscalYear] = createSignal("");
  const [file, setFile] = createSignal<File>();
  const [preview, setPreview] = createSignal<ImportOutcome>();
  const [problems, setProblems] = createSignal<string[]>([]);
  const [done, setDone] = createSignal("");

  const send = async (asPreview: boolean) => {
    const chosen = file();
    if (!/^\d{4}\/\d{2}$/.test(fiscalYear().trim())) return setProblems(["Write the fiscal year like 2020/21 first."]);
    if (!chosen) return setProblems(["Choose the replies file first."]);
    const type = chosen.name.toLowerCase().endsWith(".csv") ? "text/csv" : XLSX_TYPE;
    const path = `/earlier-rounds/${fiscalYearToPath(fiscalYear().trim())}/replies${asPreview ? "?preview=1" : ""}`;
    const result = await consoleUpload<ImportOutcome>(path, chosen, type);
    if (!result.ok) {
      setPreview(undefined);
      return setProblems([result.error.message, ...(result.error.details ?? []).map((d) => d.message)]);
    }
    setProblems([]);
    if (asPreview) return setPreview(result.body);
    setPreview(undefined);
    const added = result.body.replies - result.body.alreadyHere;
    setDone(
      `FY ${result.body.fiscalYear}: ${added} replies imported, ${result.body.alreadyHere} already here, ` +
        `${result.body.newWorkshops.length} workshop(s) added.`,
    );
    props.onImported();
  };

  return (
    <section class="card" aria-labelledby="earlier-round">
      <h2 id="earlier-round">Import an earlier round's replies</h2>
      <p class="muted">
        The raw replies as Outrigger exports them (the report's "raw replies (CSV)", or its XLSX), from this or another
        server. They then count in the report, the comparisons and the trends as if they had come from phones. A file
        with any wrong cell is refused whole; importing the same file again adds nothing.
      </p>
      <label for="earlier-round-year">Fiscal year of the round (July–June), e.g. 2020/21</label>
      <input id="earlier-round-year" value={fiscalYear()} onInput={(e) => setFiscalYear(e.currentTarget.value)} />
      <FilePicker
        id="earlier-round-file"
        label="Replies file (.csv or .xlsx)"
        accept=".csv,.xlsx"
        onFiles={(files) => {
          setFile(files[0]);
          setDone("");
          return send(true);
        }}
      />
      <Show when={preview()}>
        {(p) => (
          <div data-testid="earlier-round-preview">
            <p>
              {p().replies} replies for FY {p().fiscalYear}
              {p().alreadyHere > 0 ? `, ${p().alreadyHere} of them already here` : ""}
              {p().newWorkshops.length > 0 ? `; ${p().newWorkshops.length} workshop(s) to add` : ""}.
            </p>
            <button type="button" class="button primary" onClick={() => void send(false)}>
              Import these replies
            </button>
          </div>
        )}
      </Show>
      <Show when={problems().length > 0}>
        <ul class="field-error" role="alert" data-testid="earlier-round-problems">
          <For each={problems()}>{(p) => <li>{p}</li>}</For>
        </ul>
      </Show>
      <p role="status" data-testid="earlier-round-status">
        {done()}
      </p>
    </section>
  );
}
