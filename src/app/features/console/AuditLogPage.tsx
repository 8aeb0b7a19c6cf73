// The audit log for organisers: who created, changed or deleted what in the console, newest first, a page at a time.
import { For, Show, createSignal, onMount } from "solid-js";
import type { AuditEntry, AuditLogPage as AuditPage } from "../../../shared/auditLog";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { formatDateTime } from "../../ui/formatTime";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { adminText as t } from "./consoleText";
import { StackedTable } from "../../ui/StackedTable";

export default withConsoleLayout(AuditLog);

const ACTION_WORDS = { create: "actionCreate", update: "actionUpdate", delete: "actionDelete" } as const;
const ENTITY_WORDS: Record<
  string,
  | "entityWorkshop"
  | "entityParticipant"
  | "entityCampaign"
  | "entityMessageTemplate"
  | "entityFeedback"
  | "entityQuestionnaireDraft"
  | "entityReportBindings"
> = {
  workshop: "entityWorkshop",
  participant: "entityParticipant",
  campaign: "entityCampaign",
  message_template: "entityMessageTemplate",
  feedback: "entityFeedback",
  questionnaire_draft: "entityQuestionnaireDraft",
  report_bindings: "entityReportBindings",
};

function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.join(", ") || "—";
  return String(value);
}

/** "location: Suva → Nadi" per field; a create lists the values it set, a delete the values it removed. */
function changeLines(entry: AuditEntry): string[] {
  return Object.entries(entry.changes).map(([field, change]) => {
    if (entry.action === "create") return `${field}: ${shown(change.after)}`;
    if (entry.action === "delete") return `${field}: ${shown(change.before)}`;
    return `${field}: ${shown(change.before)} → ${shown(change.after)}`;
  });
}

function AuditLog() {
  return (
    <main class="page console">
      <h1>{t("auditLog")}</h1>
      <Show when={canChange()} fallback={<p>{t("onlyOrganiserAuditLog")}</p>}>
        <AuditEntries />
      </Show>
    </main>
  );
}

function AuditEntries() {
  const [entries, setEntries] = createSignal<AuditEntry[]>([]);
  const [nextBefore, setNextBefore] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [loaded, setLoaded] = createSignal(false);
  const load = async (before?: string) => {
    const query = before ? `?before=${encodeURIComponent(before)}` : "";
    const result = await consoleRequest<AuditPage>("GET", `/audit-log${query}`);
    setLoaded(true);
    if (!result.ok) return setProblem(result.error.message);
    setProblem(undefined);
    setEntries((shownSoFar) => [...(before ? shownSoFar : []), ...result.body.entries]);
    setNextBefore(result.body.nextBefore);
  };
  onMount(() => void load());
  return (
    <>
      <p class="muted">{t("auditExplained")}</p>
      <FormProblem problem={problem()} />
      <Show when={loaded() && entries().length === 0 && !problem()}>
        <p class="muted">{t("nothingChanged")}</p>
      </Show>
      <Show when={entries().length > 0}>
        <StackedTable
          columns={[t("columnWhen"), t("columnWho"), t("columnWhat"), t("columnChanges")]}
          testId="audit-log"
        >
          <For each={entries()}>
            {(entry) => (
              <tr data-testid="audit-entry">
                <td data-label={t("columnWhen")}>{formatDateTime(entry.at)}</td>
                <td data-label={t("columnWho")}>{entry.accountName}</td>
                <td data-label={t("columnWhat")}>
                  {t("entityAction", {
                    entity: ENTITY_WORDS[entry.entityType] ? t(ENTITY_WORDS[entry.entityType]) : entry.entityType,
                    action: t(ACTION_WORDS[entry.action]),
                  })}
                </td>
                <td data-label={t("columnChanges")}>
                  <ul>
                    <For each={changeLines(entry)}>{(line) => <li>{line}</li>}</For>
                  </ul>
                </td>
              </tr>
            )}
          </For>
        </StackedTable>
      </Show>
      <Show when={nextBefore()}>
        {(before) => (
          <button type="button" class="button" onClick={() => void load(before())}>
            {t("showOlderChanges")}
          </button>
        )}
      </Show>
    </>
  );
}
