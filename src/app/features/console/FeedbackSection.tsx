// Publishing feedback for a campaign: a message, chosen report tables and picked quotes, which every invited
// participant then sees in the app (offline once fetched), whether or not they replied. The form starts from the
// published text, shows what participants will see before publishing, and lists every version published. A publish
// names the version the form was loaded with: when a colleague published since, the form compares before anything goes.
import { For, Show, createEffect, createResource, createSignal, on } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import type {
  ConsoleFeedback,
  FeedbackVersionList,
  ParticipantFeedback,
  QuoteId,
  ReportQuotes,
} from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { FeedbackBody } from "../../ui/FeedbackView";
import { formatDateTime } from "../../ui/formatTime";
import { canChange } from "./consoleState";
import { EditConflictNotice, editConflictOf, type EditConflict } from "./EditConflictNotice";
import { repliesText as t } from "./consoleText";
import "./organiserYear.css";
import { LabelledInput } from "../../ui/LabelledInput";
import { reportHeadingName } from "../../i18n/feedbackMessages";

const fieldLabels = () => ({ title: t("fieldTitle"), message: t("fieldMessage"), tables: t("fieldTables") });

const TABLES = ["table1", "table2", "table3", "table4", "table5", "table6", "table7"] as const;

export function FeedbackSection(props: { campaignId: string; fiscalYear: string; workshopTitle: string }) {
  const pathOf = (campaignId: string) => `/campaigns/${encodeURIComponent(campaignId)}/feedback`;
  const path = () => pathOf(props.campaignId);
  const [published, { mutate }] = createResource(
    () => props.campaignId,
    async (id) => {
      const result = await consoleRequest<ConsoleFeedback>("GET", pathOf(id));
      return result.ok ? result.body : null;
    },
  );
  const [history, { refetch: refetchHistory }] = createResource(
    () => props.campaignId,
    async (id) => {
      const result = await consoleRequest<FeedbackVersionList>("GET", `${pathOf(id)}/versions`);
      return result.ok ? result.body.versions : [];
    },
  );
  const [quotes] = createResource(
    () => props.fiscalYear,
    async (fy) => {
      const result = await consoleRequest<ReportQuotes>(
        "GET",
        `/report/${encodeURIComponent(fiscalYearToPath(fy))}/quotes`,
      );
      return result.ok ? result.body.headings : [];
    },
  );
  // The first draft is in the console's language; published feedback is whatever the organiser last wrote.
  const [title, setTitle] = createSignal(t("defaultFeedbackTitle"));
  const [message, setMessage] = createSignal(t("defaultFeedbackMessage"));
  const [tables, setTables] = createSignal<number[]>([1, 2]);
  const [chosen, setChosen] = createSignal<QuoteId[]>([]);
  const [status, setStatus] = createSignal<string>();
  const [preview, setPreview] = createSignal<ParticipantFeedback>();
  // The newest version published when the form's values were loaded (0 before the first): a publish lands only over it.
  const [loadedVersion, setLoadedVersion] = createSignal(0);
  const [conflict, setConflict] = createSignal<EditConflict>();
  const isChosen = (q: QuoteId) => chosen().some((c) => c.replyId === q.replyId && c.questionId === q.questionId);

  // Start from what was published (or, once withdrawn, the last version published), never from defaults over it.
  createEffect(
    on([published, history], ([current, versions]) => {
      const start = current ?? versions?.[0];
      if (!start) return;
      setLoadedVersion(versions?.[0]?.version ?? start.version);
      setTitle(start.title);
      setMessage(start.message);
      setTables(start.tables);
      setChosen(start.quoteIds);
    }),
  );
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPreview(undefined);
    };
  const request = () => ({ title: title(), message: message(), tables: tables(), quoteIds: chosen() });

  const showPreview = async () => {
    const result = await consoleRequest<ParticipantFeedback>("POST", `${path()}/preview`, request());
    if (!result.ok) return setStatus(result.error.message);
    setStatus(undefined);
    setPreview(result.body);
  };
  const publish = async () => {
    const result = await consoleRequest<ConsoleFeedback>("PUT", path(), { ...request(), version: loadedVersion() });
    setConflict(result.ok ? undefined : editConflictOf(result));
    if (!result.ok) return setStatus(conflict() ? undefined : result.error.message);
    setLoadedVersion(result.body.version);
    mutate(result.body);
    setPreview(undefined);
    void refetchHistory();
    setStatus(t("published", { version: result.body.version }));
  };

  const keepMine = (current: EditConflict["current"]) => {
    setLoadedVersion(current.version);
    void publish();
  };
  const useTheirs = (current: EditConflict["current"]) => {
    const theirs = current as EditConflict["current"] & ConsoleFeedback;
    setTitle(theirs.title);
    setMessage(theirs.message);
    setTables(theirs.tables);
    setChosen(theirs.quoteIds);
    setLoadedVersion(theirs.version);
    setConflict(undefined);
    setPreview(undefined);
  };

  return (
    <section class="card no-print" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">{t("feedbackHeading")}</h2>
      <Show when={published()}>
        {(f) => (
          <p data-testid="feedback-published">
            {t("publishedFacts", { time: formatDateTime(f().publishedAt), version: f().version, title: f().title })}
          </p>
        )}
      </Show>
      <Show when={canChange()}>
        <LabelledInput
          id="feedback-title"
          label={t("fieldTitle")}
          value={title()}
          onValue={(value) => edited(setTitle)(value)}
        />
        <label for="feedback-message">{t("fieldMessage")}</label>
        <textarea
          id="feedback-message"
          rows={4}
          value={message()}
          onInput={(e) => edited(setMessage)(e.currentTarget.value)}
        />
        <fieldset class="choices">
          <legend class="question-label">{t("tablesToInclude")}</legend>
          <For each={TABLES}>
            {(name, i) => (
              <label class="choice">
                <input
                  type="checkbox"
                  checked={tables().includes(i() + 1)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    edited(setTables)(on ? [...tables(), i() + 1] : tables().filter((x) => x !== i() + 1));
                  }}
                />
                <span>{t("tableChoice", { number: i() + 1, name: t(name) })}</span>
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="choices">
          <legend class="question-label">{t("quotesToInclude")}</legend>
          <Show when={(quotes() ?? []).length > 0} fallback={<p class="muted">{t("pickQuotesFirst")}</p>}>
            <For each={(quotes() ?? []).flatMap((g) => g.quotes.map((q) => ({ ...q, heading: g.heading })))}>
              {(q) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={isChosen(q)}
                    onChange={(e) => {
                      const id = { replyId: q.replyId, questionId: q.questionId };
                      edited(setChosen)(
                        e.currentTarget.checked
                          ? [...chosen(), id]
                          : chosen().filter((x) => !(x.replyId === id.replyId && x.questionId === id.questionId)),
                      );
                    }}
                  />
                  <span>
                    <em>{t("quoteHeading", { heading: reportHeadingName(q.heading) })}</em> {q.text.slice(0, 140)}{" "}
                    <span class="muted">({q.administration.name})</span>
                  </span>
                </label>
              )}
            </For>
          </Show>
        </fieldset>
        <div class="button-row">
          <button type="button" class="button" onClick={() => void showPreview()}>
            {t("previewFeedback")}
          </button>
          <button type="button" class="button primary" onClick={() => void publish()}>
            {published() ? t("publishAgain") : t("publishToParticipants")}
          </button>
        </div>
        <Show when={status()}>
          <p role="status">{status()}</p>
        </Show>
        <Show when={conflict()}>
          {(c) => (
            <EditConflictNotice
              conflict={c()}
              mine={request()}
              labels={fieldLabels()}
              onKeepMine={() => keepMine(c().current)}
              onUseTheirs={() => useTheirs(c().current)}
            />
          )}
        </Show>
        <Show when={preview()}>
          {(p) => (
            <article class="feedback-preview" data-testid="feedback-preview" aria-labelledby="feedback-preview-heading">
              <p class="eyebrow">{t("previewNotPublished")}</p>
              <h3 id="feedback-preview-heading">{p().title}</h3>
              <FeedbackBody feedback={p()} headingLevel={3} />
            </article>
          )}
        </Show>
      </Show>
      <Show when={(history() ?? []).length > 0}>
        <details data-testid="feedback-versions">
          <summary>{t("versionsPublished", { count: history()?.length ?? 0 })}</summary>
          <ol reversed>
            <For each={history()}>
              {(v) => (
                <li>
                  {t(v.publishedByName ? "versionLineBy" : "versionLine", {
                    version: v.version,
                    time: formatDateTime(v.publishedAt),
                    name: v.publishedByName ?? "",
                    title: v.title,
                  })}
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </section>
  );
}
