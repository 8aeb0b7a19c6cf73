// "Import an earlier round's replies": Outrigger's own replies export from another server or year, previewed, then stored.
import { For, Show, createSignal } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import { consoleUpload } from "../../sync/consoleClient";
import { FilePicker } from "../../ui/FilePicker";
import { importsText as t } from "./consoleText";
import { LabelledInput } from "../../ui/LabelledInput";

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
    if (!/^\d{4}\/\d{2}$/.test(fiscalYear().trim())) return setProblems([t("yearFirst")]);
    if (!chosen) return setProblems([t("fileFirst")]);
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
      t("earlierImported", {
        year: result.body.fiscalYear,
        added,
        alreadyHere: result.body.alreadyHere,
        workshops: result.body.newWorkshops.length,
      }),
    );
    props.onImported();
  };

  return (
    <section class="card" aria-labelledby="earlier-round">
      <h2 id="earlier-round">{t("earlierHeading")}</h2>
      <p class="muted">{t("earlierIntro")}</p>
      <LabelledInput id="earlier-round-year" label={t("earlierYear")} value={fiscalYear()} onValue={setFiscalYear} />
      <FilePicker
        id="earlier-round-file"
        label={t("earlierFile")}
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
              {t("earlierPreview", { replies: p().replies, year: p().fiscalYear })}
              {p().alreadyHere > 0 ? t("earlierAlreadyHere", { count: p().alreadyHere }) : ""}
              {p().newWorkshops.length > 0 ? t("earlierNewWorkshops", { count: p().newWorkshops.length }) : ""}.
            </p>
            <button type="button" class="button primary" onClick={() => void send(false)}>
              {t("importTheseReplies")}
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
