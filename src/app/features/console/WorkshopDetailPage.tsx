// One workshop in the console: its participants, added one by one or imported from a CSV (registration exports too) with a preview.
import { For, Show, createResource, createSignal } from "solid-js";
import type { ConsoleWorkshop, Participant } from "../../../shared/console";
import { consoleRequest } from "../../sync/consoleClient";
import { useParams } from "../../ui/router";
import { CampaignsSection } from "./CampaignsSection";
import { CsvImport } from "./CsvImport";
import { ConfirmDeletion } from "./ConfirmDeletion";
import { ParticipantEditForm, ParticipantForm, removeParticipant } from "./ParticipantForm";
import { WorkshopForm } from "./WorkshopsPage";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { workshopsText as t } from "./consoleText";
import { KIND_KEYS, MODE_KEYS, workshopMonth } from "./workshopOverview";
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
      <Show when={workshop()} fallback={<p class="muted">{t("loading")}</p>}>
        {(w) => (
          <>
            <p class="eyebrow">
              {t("workshopEyebrow", {
                year: w().fiscalYear,
                kind: t(KIND_KEYS[w().kind]),
                mode: t(MODE_KEYS[w().mode]),
              })}
              {w().month ? ` · ${workshopMonth(w().month!)}` : ""}
            </p>
            <h1>{w().title}</h1>
            <p class="muted">
              {t("participatingCount", { count: w().participatingAdministrations ?? "?" })}
              {w().administrationCodes.length > 0 ? `: ${w().administrationCodes.join(", ")}` : ""}
            </p>
            <Show when={canChange()}>
              <Show
                when={editing()}
                fallback={
                  <button type="button" class="button small" onClick={() => setEditing(true)}>
                    {t("editDetails")}
                  </button>
                }
              >
                <WorkshopForm initial={w()} onSaved={() => (setEditing(false), void refetchWorkshop())} />
              </Show>
              <ConfirmDeletion
                what="workshop"
                apiPath={`/workshops/${encodeURIComponent(w().id)}`}
                question={t("deleteWorkshopQuestion")}
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
      <h2>{t("participantsCount", { count: participants()?.length ?? 0 })}</h2>
      <Show when={(participants() ?? []).length > 0} fallback={<p class="muted">{t("noParticipantsYet")}</p>}>
        <div class="table-wrap stack-when-narrow">
          <table data-testid="participants">
            <thead>
              <tr>
                <th scope="col">{t("columnName")}</th>
                <th scope="col">{t("columnAdministrationShort")}</th>
                <th scope="col">{t("columnEmail")}</th>
                <th scope="col">{t("columnPosition")}</th>
                <Show when={canChange()}>
                  <th scope="col">
                    <span class="visually-hidden">{t("columnActions")}</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={participants()}>
                {(p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td data-label={t("columnAdministration")}>{p.administrationCode}</td>
                    <td data-label={t("columnEmail")}>{p.email}</td>
                    <td data-label={t("columnPosition")}>{p.position ?? ""}</td>
                    <Show when={canChange()}>
                      <td>
                        <button
                          type="button"
                          class="button small"
                          aria-label={t("editParticipant", { name: p.name })}
                          onClick={() => setEditingParticipant(p)}
                        >
                          {t("edit")}
                        </button>
                        <button
                          type="button"
                          class="button small danger"
                          aria-label={t("removeParticipant", { name: p.name })}
                          onClick={async () => {
                            if (confirm(t("removeParticipantConfirm", { name: p.name }))) {
                              await removeParticipant(p.id);
                              void refetch();
                            }
                          }}
                        >
                          {t("remove")}
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
