// The report bindings of the version open in the editor: loaded, changed in the panel, saved on their own. Bindings
// stay changeable after publishing (they are how the report reads replies, not what participants see).
import { Show, createResource, createSignal } from "solid-js";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import type { ReportBindings, ReportBindingsResult } from "../../../shared/report/bindings";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { ReportBindingsPanel } from "./ReportBindingsPanel";
import { canChange } from "./consoleState";
import { versionPath } from "./questionnaireAddress";

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
  const [stored] = createResource(path, async (at) => {
    const result = await consoleRequest<ReportBindingsResult>("GET", at);
    if (!result.ok) {
      setProblem(result.error.message);
      return undefined;
    }
    return result.body.bindings;
  });
  const current = () => edited() ?? stored();
  const save = async () => {
    const bindings = edited();
    if (!bindings) return;
    const result = await consoleRequest<ReportBindingsResult>("PUT", path(), bindings);
    if (!result.ok) {
      setProblem([result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" "));
      return;
    }
    setEdited(undefined);
    setProblem(undefined);
    setMessage("Report bindings saved: the report reads this version's replies through them.");
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
              <p class="muted">Save the draft first: bindings are checked against the saved questions.</p>
            </Show>
            <button
              type="button"
              class="button"
              disabled={edited() === undefined || props.definitionUnsaved}
              onClick={() => void save()}
            >
              Save report bindings
            </button>
          </Show>
          <FormProblem problem={problem()} />
          <p role="status">{message()}</p>
        </div>
      )}
    </Show>
  );
}
