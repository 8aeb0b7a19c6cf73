// The questionnaire form itself: its steps, one section at a time, the review step and handing the reply to the outbox.
import { Link, useNavigate } from "../../ui/router";
import { For, Show, createMemo, createResource, createSignal, lazy, onCleanup, onMount } from "solid-js";
import type { AnswerValue, Answers } from "../../../shared/answers";
import { isAnswered } from "../../../shared/answers";
import { validateAnswer, type ValidationContext } from "../../../shared/answerValidation";
import { sectionTakesInhouseLog } from "../../../shared/inhouseSuggestion";
import { isQuestionVisible, visibleQuestions } from "../../../shared/visibility";
import { createBatchWriter } from "../../store/draftWriter";
import { loadStore } from "../../store/storeLoader";
import { registerPendingWrite } from "../../store/pendingWrites";
import type { PersistenceState } from "../../store/persistentStorage";
import type { SurveyContext } from "../../store/surveyContext";
import { formatDateTime } from "../../ui/formatTime";
import { formatCalendarDate } from "../../../shared/calendarDate";
import { markFirstScreenShown } from "../../ui/firstScreen";
import { QuestionField } from "./QuestionField";
import { ReviewStep } from "./ReviewStep";
import { serverAnswerIssues } from "./serverAnswerIssues";
import { t } from "../../i18n/coreMessages";
import { formattingLocale } from "../../i18n/language";
import { inChosenLanguage } from "../../i18n/questionnaireText";

// The in-house log offer shows on the follow-up actions section only, never on the first screen: it loads after it.
const InhouseLogSuggestion = lazy(() =>
  import("./InhouseLogSuggestion").then((m) => ({ default: m.InhouseLogSuggestion })),
);

// Only the review step offers attachments: the picker (and what it needs) loads when that step is reached.
const AttachmentsPicker = lazy(() => import("./AttachmentsPicker").then((m) => ({ default: m.AttachmentsPicker })));

export interface SurveyScreenContext extends SurveyContext {
  /**
   * Whether the browser promised to keep the draft when space runs low (asked as soon as the draft is on the phone,
   * which on a first visit is just after the first question is up).
   */
  persistence: Promise<PersistenceState>;
}

export function SurveyForm(props: { context: SurveyScreenContext }) {
  const navigate = useNavigate();
  // The page mounts one form per loaded context (keyed by the parent), so reading it once is right.
  // eslint-disable-next-line solid/reactivity
  const { draft, definition, administrations, persistence: persistenceAnswer } = props.context;
  const sections = definition.sections;
  const reviewIndex = sections.length;
  const [answers, setAnswers] = createSignal<Answers>({ ...draft.answers });
  const [step, setStep] = createSignal(Math.min(draft.sectionIndex, reviewIndex));
  const [touched, setTouched] = createSignal<Set<string>>(new Set());
  const [showAllErrors, setShowAllErrors] = createSignal(false);
  const [submitting, setSubmitting] = createSignal(false);
  const [savedAt, setSavedAt] = createSignal<string>(draft.updatedAt);
  const [serverIssueQuestions, setServerIssueQuestions] = createSignal(
    new Set((draft.serverIssues?.details ?? []).map((d) => d.path.replace(/^answers\./, ""))),
  );

  const [persistence, setPersistence] = createSignal<PersistenceState>();
  void persistenceAnswer.then(setPersistence, () => setPersistence("refused"));

  // Answers typed before the store has loaded (a first visit) wait in the writer, and go once it has.
  const writer = createBatchWriter((changes) => loadStore().then((store) => store.saveAnswers(draft.id, changes)));
  const flush = async () => {
    await writer.flush();
    setSavedAt(new Date().toISOString());
  };
  const unregister = registerPendingWrite(flush);
  const onHide = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", onHide);
  onCleanup(() => {
    document.removeEventListener("visibilitychange", onHide);
    window.removeEventListener("pagehide", onHide);
    unregister();
    void writer.dispose();
  });

  const setAnswer = (questionId: string, value: AnswerValue | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[questionId];
      else next[questionId] = value;
      return next;
    });
    if (serverIssueQuestions().has(questionId))
      setServerIssueQuestions((s) => new Set([...s].filter((id) => id !== questionId)));
    writer.set(questionId, value);
    setSavedAt(new Date().toISOString());
  };

  // Problems are worded in the chosen language, with the options' labels as the participant reads them.
  const checks: ValidationContext = {
    lists: { administrations: administrations.map((a) => a.code) },
    say: t,
    optionLabel: (option) => inChosenLanguage(option.label, option.labels),
  };
  // The server's answer problems, worded as the phone's own checks word them (re-read when the language changes).
  const serverErrors = createMemo(() =>
    serverAnswerIssues(draft.serverIssues?.details, definition, draft.answers, checks),
  );
  // Why the server refused, in the chosen language: its wording comes with the reply screen's chunk, fetched only here.
  const [refusalWording] = createResource(
    () => draft.serverIssues,
    () => import("./replyProblemText").catch(() => undefined), // Offline and not stored: the server's sentence.
  );

  const errorFor = (questionId: string): string | undefined => {
    const question = definition.sections.flatMap((s) => s.questions).find((q) => q.id === questionId);
    if (!question) return undefined;
    if (serverIssueQuestions().has(questionId)) return serverErrors().get(questionId);
    if (!showAllErrors() && !touched().has(questionId)) return undefined;
    return validateAnswer(question, answers()[questionId], checks)[0]?.message;
  };

  const sectionProblems = (index: number) =>
    sections[index].questions
      .filter((q) => isQuestionVisible(q, answers(), definition))
      .filter((q) => validateAnswer(q, answers()[q.id], checks).length > 0 || serverIssueQuestions().has(q.id));

  const progress = createMemo(() => {
    const visible = visibleQuestions(definition, answers());
    const done = visible.filter((q) => isAnswered(answers()[q.id])).length;
    return visible.length === 0 ? 0 : Math.round((done / visible.length) * 100);
  });

  const goTo = (index: number) => {
    setShowAllErrors(false);
    setStep(index);
    void loadStore().then((store) => store.setSectionIndex(draft.id, index));
    window.scrollTo({ top: 0 });
    queueMicrotask(() => document.querySelector<HTMLElement>("#step-heading")?.focus());
  };

  const focusFirstProblem = () =>
    requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>(
        ".question.invalid input, .question.invalid textarea, .question.invalid select",
      );
      field?.focus();
      field?.closest(".question")?.scrollIntoView({ block: "center" });
    });

  // Reopened after the server refused it: the section at fault is open; put the cursor on the answer.
  onMount(() => {
    markFirstScreenShown();
    if (serverIssueQuestions().size > 0) focusFirstProblem();
  });

  const next = () => {
    if (sectionProblems(step()).length > 0) {
      setShowAllErrors(true);
      focusFirstProblem();
      return;
    }
    goTo(step() + 1);
  };

  const submit = async () => {
    const firstBad = sections.findIndex((_, i) => sectionProblems(i).length > 0);
    if (firstBad >= 0) {
      goTo(firstBad);
      setShowAllErrors(true);
      focusFirstProblem();
      return;
    }
    setSubmitting(true);
    await flush();
    const result = await (await loadStore()).submitDraft(draft.id);
    setSubmitting(false);
    if (result.ok) navigate(`/reply/${result.entry.id}`, { replace: true });
    else {
      const bad = sections.findIndex((s) => s.questions.some((q) => result.issues.some((i) => i.question === q.id)));
      goTo(Math.max(0, bad));
      setShowAllErrors(true);
      focusFirstProblem();
    }
  };

  return (
    <form class="survey" onSubmit={(e) => e.preventDefault()} novalidate>
      <header class="survey-head">
        <p class="eyebrow">{props.context.workshopTitle}</p>
        <h1>{inChosenLanguage(definition.title, definition.titles)}</h1>
        <p class="muted">
          {t("replyByDate", { date: formatCalendarDate(props.context.dueOn, formattingLocale()) })} ·{" "}
          <span data-testid="saved-note">{t("savedOnPhone", { time: formatDateTime(savedAt()) })}</span>
        </p>
        <Show when={props.context.campaignStatus !== "open"}>
          <p class="banner banner-error">
            {t("campaignNotOpen", {
              status: t(props.context.campaignStatus === "withdrawn" ? "statusWithdrawn" : "statusClosed"),
            })}
          </p>
        </Show>
        <Show when={persistence() === "refused"}>
          <p class="banner banner-warning" role="status" data-testid="persistence-refused">
            {t("persistenceRefused")}
          </p>
        </Show>
        <Show when={draft.serverIssues && serverIssueQuestions().size > 0}>
          <p class="banner banner-error" role="alert">
            {t("serverRefused", {
              reason: refusalWording()?.replyProblemText(draft.serverIssues) ?? draft.serverIssues?.message ?? "",
            })}
          </p>
        </Show>
        <div class="progress" aria-label={t("progress")}>
          <p>
            {step() < reviewIndex ? t("sectionOf", { number: step() + 1, count: sections.length }) : t("reviewAnswers")}{" "}
            · {t("percentAnswered", { percent: progress() })}
          </p>
          <div
            class="progress-track"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress()}
            aria-label={t("questionsAnswered")}
          >
            <div class="progress-fill" style={{ width: `${progress()}%` }} />
          </div>
        </div>
      </header>

      <Show
        when={step() < reviewIndex}
        fallback={
          <>
            <h2 id="step-heading" tabindex="-1">
              {t("reviewAnswers")}
            </h2>
            <p>{t("reviewExplained")}</p>
            <ReviewStep
              definition={definition}
              answers={answers()}
              administrations={administrations}
              onEditSection={goTo}
            />
            <AttachmentsPicker replyId={draft.id} />
            <div class="button-row sticky-actions">
              <button type="button" class="button" onClick={() => goTo(reviewIndex - 1)}>
                {t("back")}
              </button>
              <button type="button" class="button primary" disabled={submitting()} onClick={() => void submit()}>
                {submitting() ? t("saving") : t("sendReply")}
              </button>
            </div>
          </>
        }
      >
        <section>
          <h2 id="step-heading" tabindex="-1">
            {inChosenLanguage(sections[step()].title, sections[step()].titles)}
          </h2>
          <Show when={sections[step()].description}>
            {(description) => <p class="muted">{inChosenLanguage(description(), sections[step()].descriptions)}</p>}
          </Show>
          <Show when={sectionTakesInhouseLog(definition, sections[step()])}>
            <InhouseLogSuggestion definition={definition} answers={answers()} onApply={setAnswer} />
          </Show>
          <For each={sections[step()].questions}>
            {(question) => (
              <Show when={isQuestionVisible(question, answers(), definition)}>
                <QuestionField
                  question={question}
                  value={answers()[question.id]}
                  error={errorFor(question.id)}
                  administrations={administrations}
                  onChange={(value) => setAnswer(question.id, value)}
                  onBlur={() => setTouched((t) => new Set(t).add(question.id))}
                />
              </Show>
            )}
          </For>
          <div class="button-row sticky-actions">
            <Show
              when={step() > 0}
              fallback={
                <Link class="button" href="/">
                  {t("home")}
                </Link>
              }
            >
              <button type="button" class="button" onClick={() => goTo(step() - 1)}>
                {t("back")}
              </button>
            </Show>
            <button type="button" class="button primary" onClick={next}>
              {step() === reviewIndex - 1 ? t("review") : t("next")}
            </button>
          </div>
        </section>
      </Show>
    </form>
  );
}
