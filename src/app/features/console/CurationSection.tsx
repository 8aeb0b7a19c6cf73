// Curating the year's free-text answers: filter them (workshop, question, untagged), tag each or many at once, file
// them under report headings and pick the good examples to quote. Saves change the answers in place.
import { For, Show, createEffect, createMemo, createResource, createSignal, untrack } from "solid-js";
import { createStore } from "solid-js/store";
import type { BulkTagResult } from "../../../shared/curation";
import {
  type AnswerTag,
  type AnswerTagging,
  type FreeTextAnswer,
  type FreeTextAnswerList,
  type ReportHeading,
  type ReportQuotes,
} from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { TagAndHeadingSelects } from "./TagAndHeadingSelects";
import { AnswerCard, answerKey } from "./AnswerCard";
import { canChange } from "./consoleState";
import { repliesText as t } from "./consoleText";
import "./organiserYear.css";
import { reportHeadingName } from "../../i18n/feedbackMessages";

interface AnswerFilter {
  workshop: string;
  question: string;
  untaggedOnly: boolean;
}

export function CurationSection(props: { fiscalYearPath: string }) {
  const year = () => encodeURIComponent(props.fiscalYearPath);
  const [loaded] = createResource(
    () => props.fiscalYearPath,
    async (fy) => {
      const result = await consoleRequest<FreeTextAnswerList>("GET", `/report/${encodeURIComponent(fy)}/answers`);
      return result.ok ? result.body.answers : [];
    },
  );
  const [quotes, { refetch: refetchQuotes }] = createResource(
    () => props.fiscalYearPath,
    async (fy) => {
      const result = await consoleRequest<ReportQuotes>("GET", `/report/${encodeURIComponent(fy)}/quotes`);
      return result.ok ? result.body.headings : [];
    },
  );
  // The answers live in a store so a save changes one card's fields and never replaces the list (no re-render,
  // no scroll jump, focus kept).
  const [list, setList] = createStore<{ answers: FreeTextAnswer[] }>({ answers: [] });
  createEffect(() => setList("answers", loaded() ?? []));

  const [filter, setFilter] = createSignal<AnswerFilter>({ workshop: "", question: "", untaggedOnly: false });
  // Applied when the filter changes, not when an answer is tagged: a card just tagged stays where it is.
  const shown = createMemo(() => {
    const answers = list.answers;
    const f = filter();
    return untrack(() =>
      answers.filter(
        (a) =>
          (f.workshop === "" || a.workshopId === f.workshop) &&
          (f.question === "" || a.questionId === f.question) &&
          (!f.untaggedOnly || a.tag === undefined),
      ),
    );
  });
  const workshops = createMemo(() => distinct(list.answers.map((a) => [a.workshopId, a.workshopTitle] as const)));
  const questions = createMemo(() => distinct(list.answers.map((a) => [a.questionId, a.questionLabel] as const)));

  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const choose = (key: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
  };

  const saved = (a: FreeTextAnswer, tagging: AnswerTagging | undefined) => {
    const index = list.answers.findIndex((x) => answerKey(x) === answerKey(a));
    setList("answers", index, {
      tag: tagging?.tag,
      heading: tagging?.heading,
      quote: tagging?.quote,
      excerpt: tagging?.excerpt,
      carriedOver: undefined,
    });
    void refetchQuotes();
  };

  return (
    <>
      <section class="report-quotes" aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">{t("goodExamples")}</h2>
        <Show when={(quotes() ?? []).length > 0} fallback={<p class="muted">{t("noQuotesYet")}</p>}>
          <For each={quotes()}>
            {(group) => (
              <>
                <h3>{reportHeadingName(group.heading)}</h3>
                <For each={group.quotes}>
                  {(q) => (
                    <blockquote class="quote" data-testid="report-quote">
                      <p>{q.text}</p>
                      <Show when={q.needsReview}>
                        <p class="review-flag">{t("needsReviewQuote")}</p>
                      </Show>
                      <footer class="muted">
                        {q.administration.name} · {q.workshop.title}
                      </footer>
                    </blockquote>
                  )}
                </For>
              </>
            )}
          </For>
        </Show>
      </section>
      <Show when={list.answers.length > 0}>
        <section class="no-print" aria-labelledby="answers-heading">
          <h2 id="answers-heading">{t("freeTextAnswers", { count: list.answers.length })}</h2>
          <form class="answer-filters" aria-label={t("filterAnswers")} onSubmit={(e) => e.preventDefault()}>
            <label for="answers-workshop">{t("filterWorkshop")}</label>
            <select
              id="answers-workshop"
              value={filter().workshop}
              onChange={(e) => setFilter({ ...filter(), workshop: e.currentTarget.value })}
            >
              <option value="">{t("allWorkshops")}</option>
              <For each={workshops()}>{([id, title]) => <option value={id}>{title}</option>}</For>
            </select>
            <label for="answers-question">{t("filterQuestion")}</label>
            <select
              id="answers-question"
              value={filter().question}
              onChange={(e) => setFilter({ ...filter(), question: e.currentTarget.value })}
            >
              <option value="">{t("allQuestions")}</option>
              <For each={questions()}>{([id, label]) => <option value={id}>{label}</option>}</For>
            </select>
            <label class="choice">
              <input
                type="checkbox"
                checked={filter().untaggedOnly}
                onChange={(e) => setFilter({ ...filter(), untaggedOnly: e.currentTarget.checked })}
              />
              <span>{t("onlyUntagged")}</span>
            </label>
          </form>
          <p role="status" data-testid="answers-shown">
            {t("showing", { shown: shown().length, total: list.answers.length })}
          </p>
          <Show when={canChange()}>
            <BulkTagging
              fiscalYear={year()}
              chosen={chosen()}
              shown={shown()}
              onChooseAll={(keys) => setChosen(new Set(keys))}
              onTagged={(keys, tag, heading) => {
                for (const key of keys) {
                  const index = list.answers.findIndex((x) => answerKey(x) === key);
                  if (index >= 0) setList("answers", index, { tag, heading });
                }
                setChosen(new Set<string>());
                void refetchQuotes();
              }}
            />
          </Show>
          <ul class="card-list">
            <For each={shown()}>
              {(a) => (
                <AnswerCard
                  answer={a}
                  chosen={chosen().has(answerKey(a))}
                  onChoose={(on) => choose(answerKey(a), on)}
                  onSaved={(tagging) => saved(a, tagging)}
                />
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}

function distinct(pairs: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  return [...new Map(pairs).entries()];
}

function BulkTagging(props: {
  fiscalYear: string;
  chosen: ReadonlySet<string>;
  shown: readonly FreeTextAnswer[];
  onChooseAll: (keys: string[]) => void;
  onTagged: (keys: string[], tag: AnswerTag, heading: ReportHeading) => void;
}) {
  const [tag, setTag] = createSignal<AnswerTag | "">("");
  const [heading, setHeading] = createSignal<ReportHeading | "">("");
  const [message, setMessage] = createSignal<string>();
  const apply = async () => {
    const keys = [...props.chosen];
    const chosenTag = tag();
    const chosenHeading = heading();
    if (keys.length === 0) return setMessage(t("chooseAnswersFirst"));
    if (chosenTag === "" || chosenHeading === "") return setMessage(t("chooseTagAndHeadingFirst"));
    const answers = keys.map((key) => {
      const [replyId, questionId] = key.split("/");
      return { replyId, questionId };
    });
    setMessage(t("tagging"));
    const result = await consoleRequest<BulkTagResult>("POST", `/report/${props.fiscalYear}/answers/tags`, {
      answers,
      tag: chosenTag,
      heading: chosenHeading,
    });
    if (!result.ok) return setMessage(result.error.message);
    setMessage(t("taggedAnswers", { count: result.body.tagged }));
    props.onTagged(keys, chosenTag, chosenHeading);
  };
  return (
    <fieldset class="bulk-tagging" data-testid="bulk-tagging">
      <legend>{t("bulkLegend", { count: props.chosen.size })}</legend>
      <button
        type="button"
        class="button small"
        onClick={() => props.onChooseAll(props.shown.map((a) => answerKey(a)))}
      >
        {t("chooseAllShown", { count: props.shown.length })}
      </button>
      <TagAndHeadingSelects
        idPrefix="bulk"
        tag={tag()}
        heading={heading()}
        onTag={setTag}
        onHeading={setHeading}
        noTag={t("chooseATag")}
        noHeading={t("chooseAHeading")}
      />
      <button type="button" class="button small primary" onClick={() => void apply()}>
        {t("tagChosen")}
      </button>
      <p role="status">{message()}</p>
    </fieldset>
  );
}
