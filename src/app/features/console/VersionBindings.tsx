// The report bindings of the version open in the editor: loaded, changed in the panel, saved on their own. Bindings
// stay changeable after publishing (they are how the report reads replies, not what participants see).
import { Show, createResource, createSignal } from "solid-js";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import type { ReportBindings, ReportBindingsResult } from "../../../shared/report/bindings";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { ReportBindingsPanel } from "./ReportBindingsPanel";
import { canChange } from "./consoleState";
import { versionPath } from "./questionnaireAddress";
import { editorText as t } from "./consoleText";

/** The report tables a conflict compares, in the panel's order (their names are keyed `conflict_<table>`). */
const BOUND_KEYS = ["followUpActions", "directEffects", "efficiency", "newProjects"] as const;
const bindingLabels = (): Record<string, string> =>
  Object.fromEntries(BOUND_KEYS.map((table) => [table, t(`conflict_${table}`)]));

/** Each table's binding as the conflict notice shows it: "question (place: options; …)", or nothing when unbound. */
function bindingsShown(bindings: unknown): Record<string, unknown> {
  const all = (bindings ?? {}) as Record<string, Record<string, unknown> | null>;
  const shown = (binding: Record<string, unknown> | null | undefined) => {
    if (!binding) return null;
    const { question, columns, ...places } = binding;
    const each = Object.entries({ ...(columns as Record<string, unknown>), ...places });
    return `${String(question)} (${each.map(([place, values]) => `${place}: ${String(values)}`).join("; ")})`;
  };
  return Object.fromEntries(BOUND_KEYS.map((table) => [table, shown(all[table])]));
}

export function VersionBindings(props: {
  id: string;
  version: number;
  definition: QuestionnaireDefinition;
  /** The definition has edits not yet saved: bindings are checked against the saved one, so save that first. */
  definitionUnsaved: boolean;
}) {
  const path = () => `${versionPath(props.id, props.version)}/report-bindings`;
  const [edited, setEdited] = createSignal<ReportBindings>();
  const [problem, setProblem] = createSignal<string>();
  const [message, setMessage] = createSignal<string>();
  const [conflict, setConflict] = createSignal<EditConflict>();
  // The revision the bindings were loaded (or last saved, or taken from a conflict) at: what a save names.
  const [revision, setRevision] = createSignal(0);
  const [stored, { mutate }] = createResource(path, async (at) => {
    const result = await consoleRequest<ReportBindingsResult>("GET", at);
    if (!result.ok) {
      setProblem(result.error.message);
      return undefined;
    }
    setRevision(result.body.revision);
    return result.body.bindings;
  });
  const current = () => edited() ?? stored();
  const save = async () => {
    const bindings = edited();
    if (!bindings) return;
    const result = await consoleRequest<ReportBindingsResult>("PUT", `${path()}?revision=${revision()}`, bindings);
    if (!result.ok) {
      const changed = editConflictOf(result);
      if (changed) {
        setConflict(changed);
        setProblem(undefined);
        return;
      }
      setProblem([result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" "));
      return;
    }
    setRevision(result.body.revision);
    mutate(result.body.bindings);
    setConflict(undefined);
    setEdited(undefined);
    setProblem(undefined);
    setMessage(t("bindingsSaved"));
  };
  return (
    <Show when={current()}>
      {(bindings) => (
        <div class="card" data-testid="version-bindings">
          <ReportBindingsPanel
            definition={props.definition}
            bindings={bindings()}
            readOnly={!canChange()}
            onChange={(next) => {
              setEdited(next);
              setMessage(undefined);
            }}
          />
          <Show when={canChange()}>
            <Show when={props.definitionUnsaved && edited()}>
              <p class="muted">{t("saveDraftFirst")}</p>
            </Show>
            <button
              type="button"
              class="button"
              disabled={edited() === undefined || props.definitionUnsaved}
              onClick={() => void save()}
            >
              {t("saveBindings")}
            </button>
          </Show>
          <Show when={conflict()}>
            {(changed) => (
              <EditConflictNotice
                conflict={{ current: { ...changed().current, ...bindingsShown(changed().current.bindings) } }}
                mine={bindingsShown(edited())}
                labels={bindingLabels()}
                onKeepMine={() => {
                  setRevision(changed().current.version);
                  setConflict(undefined);
                  void save();
                }}
                onUseTheirs={() => {
                  setRevision(changed().current.version);
                  mutate(changed().current.bindings as ReportBindings);
                  setEdited(undefined);
                  setConflict(undefined);
                }}
              />
            )}
          </Show>
          <FormProblem problem={problem()} />
          <p role="status">{message()}</p>
        </div>
      )}
    </Show>
  );
}
