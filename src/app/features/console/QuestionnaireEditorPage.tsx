// One questionnaire version in the editor: a draft is edited (its English text, or its translation into another
// language), previewed, saved and published (after reading what changed since the version it came from); published
// and retired versions, and every version for a viewer, read only.
import { For, Show, createMemo, createResource, createSignal, onCleanup } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import type { FieldIssue } from "../../../shared/api";
import { allQuestions, type Question, type QuestionnaireDefinition } from "../../../shared/questionnaire";
import { addSection, problemsByPlace, updateQuestion } from "../../../shared/questionnaireEditing";
import { withTranslation, type TextPlace } from "../../../shared/questionnaireLanguages";
import type { QuestionnaireVersionDetail, QuestionnaireVersionResult } from "../../../shared/questionnaireVersions";
import type { Language } from "../../i18n/languages";
import { consoleRequest } from "../../sync/consoleClient";
import { FormProblem } from "../../ui/FormProblem";
import { Link, useParams } from "../../ui/router";
import { withConsoleLayout } from "./ConsoleLayout";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { PublishReview } from "./PublishReview";
import { QuestionnairePreview } from "./QuestionnairePreview";
import { SectionEditor } from "./SectionEditor";
import { TextLanguageChoice } from "./TextLanguageChoice";
import { TranslatableField } from "./TranslatableField";
import { VersionBindings } from "./VersionBindings";
import { canChange } from "./consoleState";
import { parseRef, versionPath, xlsformPath } from "./questionnaireAddress";
import { editorText as t } from "./consoleText";
import { wordedProblem } from "./consoleErrors";
import "./questionnaireEditor.css";

export default withConsoleLayout(QuestionnaireEditor);

const STATUS_NAMES = { draft: "statusDraft", published: "statusPublished", retired: "statusRetired" } as const;

interface Loaded {
  version: QuestionnaireVersionDetail;
  basedOn?: QuestionnaireDefinition;
}

async function loadVersion(id: string, version: number): Promise<Loaded | string> {
  const result = await consoleRequest<QuestionnaireVersionDetail>("GET", versionPath(id, version));
  if (!result.ok) return result.error.message;
  const from = result.body.basedOnVersion;
  const base =
    from === null ? undefined : await consoleRequest<QuestionnaireVersionDetail>("GET", versionPath(id, from));
  return { version: result.body, basedOn: base?.ok ? base.body.definition : undefined };
}

function QuestionnaireEditor() {
  const params = useParams<{ ref: string }>();
  const [loaded] = createResource(
    () => parseRef(params.ref),
    ({ id, version }) => loadVersion(id, version),
  );
  return (
    <main class="page console questionnaire-editor">
      <p>
        <Link href="/console/questionnaires">{t("allVersions")}</Link>
      </p>
      <Show when={parseRef(params.ref)} fallback={<h1>{t("noSuchVersion")}</h1>}>
        <Show when={loaded()} fallback={<p class="muted">{t("loading")}</p>}>
          {(found) => (
            <Show when={typeof found() !== "string" && (found() as Loaded)} fallback={<h1>{found() as string}</h1>}>
              {(ok) => <VersionEditor loaded={ok()} />}
            </Show>
          )}
        </Show>
      </Show>
    </main>
  );
}

function VersionEditor(props: { loaded: Loaded }) {
  // The editor owns its copy from here on; a reload starts from the server's again.
  // eslint-disable-next-line solid/reactivity
  const { version: initial, basedOn } = props.loaded;
  const [version, setVersion] = createSignal(initial);
  const [definition, setDefinition] = createStore<QuestionnaireDefinition>(structuredClone(initial.definition));
  const [dirty, setDirty] = createSignal(false);
  // Closing or reloading the tab with unsaved edits asks first (the browser's own question).
  const warnIfUnsaved = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener("beforeunload", warnIfUnsaved);
  onCleanup(() => window.removeEventListener("beforeunload", warnIfUnsaved));
  const [message, setMessage] = createSignal<string>();
  const [problem, setProblem] = createSignal<string>();
  const [conflict, setConflict] = createSignal<EditConflict>();
  const [reviewing, setReviewing] = createSignal(false);
  const [published, setPublished] = createSignal<{ hash: string; warnings: FieldIssue[] }>();
  const editable = () => canChange() && version().status === "draft";
  const checks = createMemo(() => problemsByPlace(definition, basedOn, t));
  const errorCount = () => [...checks().errors.values()].reduce((n, list) => n + list.length, 0);

  // Questions and sections are matched by id, so the field being typed in keeps its place and focus.
  const apply = (change: (current: QuestionnaireDefinition) => QuestionnaireDefinition) => {
    setDefinition(reconcile(change(structuredClone(unwrap(definition))), { key: "id", merge: true }));
    setDirty(true);
    setMessage(undefined);
  };
  const changeQuestion = (id: string) => (change: (q: Question) => Question) =>
    apply((d) => updateQuestion(d, id, change));
  // English is the base text; another language's fields write its translations, saved with the rest of the draft.
  const [textLanguage, setTextLanguage] = createSignal<Language>("en");
  const translate = (place: TextPlace, text: string) => {
    const language = textLanguage();
    apply((d) => withTranslation(d, place, language, text));
  };

  const save = async (): Promise<boolean> => {
    const result = await consoleRequest<QuestionnaireVersionResult>(
      "PUT",
      `${versionPath(version().id, version().version)}?revision=${version().revision}`,
      unwrap(definition),
    );
    if (!result.ok) {
      const changed = editConflictOf(result);
      if (changed) setConflict(changed);
      else setProblem([result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" "));
      return false;
    }
    setVersion(result.body.version);
    setConflict(undefined);
    setDirty(false);
    setProblem(undefined);
    setMessage(t("draftSaved"));
    return true;
  };
  const review = async () => {
    if (dirty() && !(await save())) return;
    setReviewing(true);
  };
  const publish = async () => {
    const result = await consoleRequest<QuestionnaireVersionResult>(
      "POST",
      `${versionPath(version().id, version().version)}/publish`,
      {},
    );
    if (!result.ok) {
      setProblem([result.error.message, ...(result.error.details ?? []).map((d) => d.message)].join(" "));
      return;
    }
    setVersion(result.body.version);
    setReviewing(false);
    setPublished({ hash: result.body.version.contentHash ?? "", warnings: result.body.warnings });
  };

  return (
    <>
      <h1>{t("titleVersion", { title: definition.title, version: version().version })}</h1>
      <p data-testid="version-status">
        {version().basedOnVersion === null
          ? t("statusLine", { status: t(STATUS_NAMES[version().status]) })
          : t("statusLineFrom", {
              status: t(STATUS_NAMES[version().status]),
              version: version().basedOnVersion ?? "",
            })}{" "}
        <a href={xlsformPath(version().id, version().version)} download={`${version().id}-v${version().version}.xlsx`}>
          {t("downloadXlsform")}
        </a>
      </p>
      <Show when={!canChange()}>
        <p class="muted" data-testid="read-only">
          {t("readOnlyViewer")}
        </p>
      </Show>
      <Show when={canChange() && version().status !== "draft"}>
        <p class="muted" data-testid="read-only">
          {t(version().status === "retired" ? "readOnlyRetired" : "readOnlyPublished")}
        </p>
      </Show>
      <Show when={published()}>
        {(p) => (
          <div class="card" role="status">
            <p>{t("publishedNotice", { version: version().version, hash: p().hash.slice(0, 12) })}</p>
            <For each={p().warnings}>{(w) => <p class="muted">{wordedProblem(w.problem, w.message)}</p>}</For>
          </div>
        )}
      </Show>
      <TextLanguageChoice definition={definition} language={textLanguage()} onChoose={setTextLanguage} />
      <div class="editor-columns">
        <div class="editor-main">
          <fieldset class="editor-fields" disabled={!editable()}>
            <legend class="visually-hidden">{t("questionnaire")}</legend>
            <TranslatableField
              id="edit-title"
              label={t("title")}
              language={textLanguage()}
              english={definition.title}
              translations={definition.titles}
              maxLength={300}
              onEnglish={(title) => apply((d) => ({ ...d, title }))}
              onTranslation={(text) => translate({ kind: "title" }, text)}
            />
            <TranslatableField
              id="edit-intro"
              label={t("introduction")}
              language={textLanguage()}
              english={definition.intro ?? ""}
              translations={definition.intros}
              maxLength={4000}
              rows={3}
              onEnglish={(intro) => apply((d) => ({ ...d, intro: intro || undefined }))}
              onTranslation={(text) => translate({ kind: "intro" }, text)}
            />
            <For each={definition.sections}>
              {(section) => (
                <SectionEditor
                  definition={definition}
                  sectionId={section.id}
                  title={section.title}
                  titles={section.titles}
                  description={section.description}
                  descriptions={section.descriptions}
                  questions={section.questions}
                  problems={checks().errors}
                  language={textLanguage()}
                  translate={translate}
                  apply={apply}
                  changeQuestion={changeQuestion}
                />
              )}
            </For>
            <form
              class="card"
              onSubmit={(e) => {
                e.preventDefault();
                const input = e.currentTarget.elements.namedItem("title") as HTMLInputElement;
                if (input.value.trim() === "") return;
                apply((d) => addSection(d, input.value.trim()));
                input.value = "";
              }}
            >
              <label for="new-section">{t("newSectionTitle")}</label>
              <input id="new-section" name="title" maxLength={300} />
              <button type="submit" class="button small">
                {t("addSection")}
              </button>
            </form>
          </fieldset>
          <VersionBindings
            id={version().id}
            version={version().version}
            definition={definition}
            definitionUnsaved={dirty()}
          />
          <Show when={editable()}>
            <div class="card editor-actions">
              <p data-testid="draft-checks">
                {errorCount() === 0 ? t("nothingStopsPublishing") : t("problemsToFix", { count: errorCount() })}
              </p>
              <Show when={conflict()}>
                {(changed) => (
                  <EditConflictNotice
                    conflict={changed()}
                    mine={{ title: definition.title, questions: allQuestions(definition).length }}
                    labels={{ title: t("title"), questions: t("questions") }}
                    onKeepMine={() => {
                      setVersion({ ...version(), revision: changed().current.version });
                      void save();
                    }}
                    onUseTheirs={() => {
                      const theirs = changed().current.definition as QuestionnaireDefinition;
                      setVersion({ ...version(), revision: changed().current.version });
                      setDefinition(reconcile(structuredClone(theirs), { key: "id", merge: true }));
                      setDirty(false);
                      setConflict(undefined);
                    }}
                  />
                )}
              </Show>
              <FormProblem problem={problem()} />
              <p role="status">{message()}</p>
              <div class="button-row">
                <button type="button" class="button" disabled={!dirty()} onClick={() => void save()}>
                  {t("saveDraft")}
                </button>
                <button type="button" class="button primary" disabled={errorCount() > 0} onClick={() => void review()}>
                  {t("publishEllipsis")}
                </button>
              </div>
            </div>
          </Show>
          <Show when={reviewing()}>
            <PublishReview
              definition={definition}
              basedOn={basedOn}
              from={version().basedOnVersion}
              version={version().version}
              warnings={checks().warnings}
              onPublish={() => void publish()}
              onKeepEditing={() => setReviewing(false)}
            />
          </Show>
        </div>
        <QuestionnairePreview definition={definition} language={textLanguage()} />
      </div>
    </>
  );
}
