// The questionnaire versions (draft, published, retired): open one in the editor, start a draft from one, import an
// XLSForm as the next draft, or download any version as an XLSForm.
import { For, Show, createResource, createSignal } from "solid-js";
import type { FieldIssue } from "../../../shared/api";
import {
  XLSX_CONTENT_TYPE,
  type QuestionnaireVersionList,
  type QuestionnaireVersionResult,
  type QuestionnaireVersionSummary,
} from "../../../shared/questionnaireVersions";
import { consoleRequest, consoleUpload } from "../../sync/consoleClient";
import { FilePicker } from "../../ui/FilePicker";
import { FormProblem } from "../../ui/FormProblem";
import { formatDate } from "../../ui/formatTime";
import { Link, navigate } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { canChange } from "./consoleState";
import { editorPath, versionPath, xlsformPath } from "./questionnaireAddress";
import { questionnairesText as t } from "./consoleText";
import { StackedTable } from "../../ui/StackedTable";

export default withConsoleLayout(Questionnaires);

const STATUS_NAMES = { draft: "statusDraft", published: "statusPublished", retired: "statusRetired" } as const;

function Questionnaires() {
  const [list, { refetch }] = createResource(async () => {
    const result = await consoleRequest<QuestionnaireVersionList>("GET", "/questionnaires");
    return result.ok ? result.body.questionnaires : [];
  });
  const [problem, setProblem] = createSignal<string>();
  const [details, setDetails] = createSignal<FieldIssue[]>([]);

  const startDraft = async (from: QuestionnaireVersionSummary) => {
    const result = await consoleRequest<QuestionnaireVersionResult>("POST", versionPath(from.id), {
      fromVersion: from.version,
    });
    if (!result.ok) return setProblem(result.error.message);
    navigate(editorPath(result.body.version.id, result.body.version.version));
  };
  const importForm = async (questionnaireId: string, files: FileList) => {
    const result = await consoleUpload<QuestionnaireVersionResult>(
      `/questionnaires/${encodeURIComponent(questionnaireId)}/import`,
      files[0],
      XLSX_CONTENT_TYPE,
    );
    if (!result.ok) {
      setProblem(result.error.message);
      setDetails(result.error.details ?? []);
      return;
    }
    setProblem(undefined);
    setDetails([]);
    void refetch();
    navigate(editorPath(result.body.version.id, result.body.version.version));
  };
  const questionnaireIds = () => [...new Set((list() ?? []).map((v) => v.id))];

  return (
    <main class="page console">
      <h1>{t("questionnaires")}</h1>
      <p class="muted">{t("publishedNeverChanges")}</p>
      <StackedTable
        columns={[t("columnVersion"), t("columnStatus"), t("columnQuestions"), t("columnActions")]}
        testId="questionnaire-versions"
      >
        <For each={list() ?? []}>
          {(v) => (
            <tr>
              <td data-label={t("columnVersion")}>
                <Link href={editorPath(v.id, v.version)}>
                  {t("titleVersion", { title: v.title, version: v.version })}
                </Link>
                <Show when={v.basedOnVersion !== null}>
                  <span class="muted">{t("fromVersion", { version: v.basedOnVersion ?? "" })}</span>
                </Show>
              </td>
              <td data-label={t("columnStatus")}>
                {t(STATUS_NAMES[v.status])}
                <Show when={v.publishedAt ?? v.createdAt}>
                  {(at) => <span class="muted"> {formatDate(at())}</span>}
                </Show>
              </td>
              <td data-label={t("columnQuestions")}>{v.questions}</td>
              <td data-label={t("columnActions")}>
                <div class="button-row">
                  <a class="button small" href={xlsformPath(v.id, v.version)} download={`${v.id}-v${v.version}.xlsx`}>
                    XLSForm<span class="visually-hidden">{t("xlsformOfVersion", { version: v.version })}</span>
                  </a>
                  <Show when={canChange() && v.status !== "draft"}>
                    <button type="button" class="button small" onClick={() => void startDraft(v)}>
                      {t("newDraftFrom", { version: v.version })}
                    </button>
                  </Show>
                </div>
              </td>
            </tr>
          )}
        </For>
      </StackedTable>
      <FormProblem problem={problem()} />
      <Show when={details().length > 0}>
        <ul class="field-error" data-testid="import-problems">
          <For each={details()}>{(d) => <li>{d.message}</li>}</For>
        </ul>
      </Show>
      <Show when={canChange()}>
        <For each={questionnaireIds()}>
          {(id) => (
            <section class="card">
              <h2>{t("importXlsform")}</h2>
              <p class="muted">{t("importExplained", { id })}</p>
              <FilePicker
                id={`import-${id}`}
                label={t("xlsformFile")}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onFiles={(files) => importForm(id, files)}
              />
            </section>
          )}
        </For>
      </Show>
    </main>
  );
}
