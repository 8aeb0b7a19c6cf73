// One workshop in the console: its participants, added one by one or imported from a CSV (registration exports too) with a preview.
import { For, Index, Show, createResource, createSignal } from "solid-js";
import type { ConsoleWorkshop, ImportPreview, Participant } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { useParams } from "../../ui/router";
import { CampaignsSection } from "./CampaignsSection";
import { ConfirmDeletion } from "./ConfirmDeletion";
import { ParticipantEditForm, ParticipantForm, removeParticipant } from "./ParticipantForm";
import { WorkshopForm } from "./WorkshopsPage";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import "../../ui/stackedTables.css";

export default withConsoleLayout(WorkshopDetail);

function WorkshopDetail() {
  const params = useParams<{ id: string }>();
  const [editing, setEditing] = createSignal(false);
  const [editingParticipant, setEditingParticipant] = createSignal<Participant>();
  const [workshop, { refetch: refetchWorkshop }] = createResource(
    () => params.id,
    async (id) => {
      const result = await consoleRequest<ConsoleWorkshop>("GET", `/workshops/${encodeURIComponent(id)}`);
      return result.ok ? result.body : undefined;
    },
  );
  const [participants, { refetch }] = createResource(
    () => params.id,
    async (id) => {
      const result = await consoleRequest<{ participants: Participant[] }>(
        "GET",
        `/workshops/${encodeURIComponent(id)}/participants`,
      );
      return result.ok ? result.body.participants : [];
    },
  );

  return (
    <main class="page console">
      <Show when={workshop()} fallback={<p class="muted">Loading…</p>}>
        {(w) => (
          <>
            <p class="eyebrow">
              FY {w().fiscalYear} · {w().kind} · {w().mode}
              {w().month ? ` · ${w().month}` : ""}
            </p>
            <h1>{w().title}</h1>
            <p class="muted">
              {w().participatingAdministrations ?? "?"} participating administrations
              {w().administrationCodes.length > 0 ? `: ${w().administrationCodes.join(", ")}` : ""}
            </p>
            <Show when={canChange()}>
              <Show
                when={editing()}
                fallback={
                  <button type="button" class="button small" onClick={() => setEditing(true)}>
                    Edit details
                  </button>
                }
              >
                <WorkshopForm initial={w()} onSaved={() => (setEditing(false), void refetchWorkshop())} />
              </Show>
              <ConfirmDeletion
                what="workshop"
                apiPath={`/workshops/${encodeURIComponent(w().id)}`}
                question="Delete the workshop with its participants and campaigns? Only possible while nobody has replied."
                afterwards="/console"
              />
            </Show>
          </>
        )}
      </Show>
      <CampaignsSection
        workshopId={params.id}
        participantCount={participants()?.length ?? 0}
        workshopMonth={workshop()?.month}
      />
      <h2>Participants ({participants()?.length ?? 0})</h2>
      <Show when={(participants() ?? []).length > 0} fallback={<p class="muted">No participants yet.</p>}>
        <div class="table-wrap stack-when-narrow">
          <table data-testid="participants">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Adm.</th>
                <th scope="col">E-mail</th>
                <th scope="col">Position</th>
                <Show when={canChange()}>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={participants()}>
                {(p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td data-label="Administration">{p.administrationCode}</td>
                    <td data-label="E-mail">{p.email}</td>
                    <td data-label="Position">{p.position ?? ""}</td>
                    <Show when={canChange()}>
                      <td>
                        <button
                          type="button"
                          class="button small"
                          aria-label={`Edit ${p.name}`}
                          onClick={() => setEditingParticipant(p)}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          class="button small danger"
                          aria-label={`Remove ${p.name}`}
                          onClick={async () => {
                            if (confirm(`Remove ${p.name} from this workshop?`)) {
                              await removeParticipant(p.id);
                              void refetch();
                            }
                          }}
                        >
                          Remove
                        </button>
                      </td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={editingParticipant()}>
        {(p) => (
          <ParticipantEditForm participant={p()} onDone={() => (setEditingParticipant(undefined), void refetch())} />
        )}
      </Show>
      <Show when={canChange()}>
        <ParticipantForm workshopId={params.id} onAdded={() => void refetch()} />
        <CsvImport workshopId={params.id} onImported={() => void refetch()} />
      </Show>
    </main>
  );
}

function CsvImport(props: { workshopId: string; onImported: () => void }) {
  const [csv, setCsv] = createSignal("");
  const [preview, setPreview] = createSignal<ImportPreview>();
  const [skipLines, setSkipLines] = createSignal<number[]>([]);
  const [message, setMessage] = createSignal<string>();
  const changeCsv = (text: string) => {
    setCsv(text);
    // Line numbers belong to the checked file; a changed file is checked afresh.
    setPreview(undefined);
    setSkipLines([]);
  };
  const send = async (commit: boolean) => {
    const result = await consoleRequest<ImportPreview & { preview?: ImportPreview }>(
      "POST",
      `/workshops/${encodeURIComponent(props.workshopId)}/participants/import`,
      { csv: csv(), commit, skipLines: skipLines() },
    );
    if (result.ok) {
      setPreview(result.body);
      setMessage(result.body.committed ? `${result.body.valid} participants imported.` : undefined);
      if (result.body.committed) {
        setCsv("");
        setSkipLines([]);
        props.onImported();
      }
      return;
    }
    const body = result as unknown as { error: { message: string } };
    setMessage(body.error.message);
  };
  const toggleSkip = (line: number, skip: boolean) => {
    setSkipLines((lines) => (skip ? [...lines, line] : lines.filter((l) => l !== line)));
    void send(false);
  };
  const flagged = () => preview()?.rows.filter((r) => r.errors.length > 0 || r.warnings.length > 0) ?? [];
  return (
    <section class="card" aria-labelledby="csv-import">
      <h2 id="csv-import">Import participants from CSV</h2>
      <p class="muted">
        A registration export will do: the first line names the columns (Name, E-mail, Administration or Country,
        Position or Title, in any order; others are ignored). Administrations by name or code (Fiji, FJ). Lines with
        problems can be skipped.
      </p>
      <label for="csv-file">CSV file</label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,text/csv"
        onChange={async (e) => changeCsv((await e.currentTarget.files?.[0]?.text()) ?? "")}
      />
      <label for="csv-text">Or paste the rows</label>
      <textarea id="csv-text" rows={6} value={csv()} onInput={(e) => changeCsv(e.currentTarget.value)} />
      <div class="button-row">
        <button type="button" class="button" disabled={!csv().trim()} onClick={() => void send(false)}>
          Check
        </button>
        <button
          type="button"
          class="button primary"
          disabled={!preview() || (preview()?.invalid ?? 1) > 0 || !preview()?.valid || preview()?.committed}
          onClick={() => void send(true)}
        >
          Import {preview()?.valid ?? ""} participants
        </button>
      </div>
      <Show when={message()}>
        <p role="status">{message()}</p>
      </Show>
      <Show when={preview() && !preview()!.committed}>
        <p data-testid="csv-summary">
          {preview()!.valid} rows ready, {preview()!.invalid} with problems, {preview()!.skipped} skipped.
        </p>
        <Show when={preview()!.ignoredColumns.length > 0}>
          <p data-testid="csv-ignored">Columns not imported: {preview()!.ignoredColumns.join(", ")}.</p>
        </Show>
        <ul class="csv-errors">
          {/* Index, not For: each check replaces the rows, and the same line must keep its checkbox (and focus). */}
          <Index each={flagged()}>
            {(r) => (
              <li>
                <span>
                  Line {r().line}: {[...r().errors.map((e) => e.message), ...r().warnings].join("; ")}
                </span>
                <Show when={r().errors.length > 0}>
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={r().skipped}
                      onChange={(e) => toggleSkip(r().line, e.currentTarget.checked)}
                    />
                    <span>Skip line {r().line}</span>
                  </label>
                </Show>
              </li>
            )}
          </Index>
        </ul>
      </Show>
    </section>
  );
}
