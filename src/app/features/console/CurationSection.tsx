// Curating the year's free-text answers: tag each (operational improvement, strategic empowerment…),
// file it under a report heading, and pick the good examples to quote.
import { For, Show, createResource, createSignal } from "solid-js";
import {
  ANSWER_TAGS,
  ANSWER_TAG_LABELS,
  REPORT_HEADINGS,
  REPORT_HEADING_LABELS,
  type AnswerTag,
  type FreeTextAnswer,
  type FreeTextAnswerList,
  type ReportHeading,
  type ReportQuotes,
} from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { canChange } from "./consoleState";
import "./organiserYear.css";

export function CurationSection(props: { fiscalYearPath: string }) {
  const [answers, { refetch }] = createResource(
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
  const saved = () => {
    void refetch();
    void refetchQuotes();
  };
  return (
    <>
      <section class="report-quotes" aria-labelledby="quotes-heading">
        <h2 id="quotes-heading">Good examples</h2>
        <Show when={(quotes() ?? []).length > 0} fallback={<p class="muted">No quotes picked yet.</p>}>
          <For each={quotes()}>
            {(group) => (
              <>
                <h3>{group.label}</h3>
                <For each={group.quotes}>
                  {(q) => (
                    <blockquote class="quote" data-testid="report-quote">
                      <p>{q.text}</p>
                      <Show when={q.needsReview}>
                        <p class="review-flag">Needs review: the respondent replied again without these words.</p>
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
      <Show when={(answers() ?? []).length > 0}>
        <section class="no-print" aria-labelledby="answers-heading">
          <h2 id="answers-heading">Free-text answers ({answers()?.length})</h2>
          <ul class="card-list">
            <For each={answers()}>{(a) => <AnswerCard answer={a} onSaved={saved} />}</For>
          </ul>
        </section>
      </Show>
    </>
  );
}

function AnswerCard(props: { answer: FreeTextAnswer; onSaved: () => void }) {
  const a = () => props.answer;
  const [tag, setTag] = createSignal<AnswerTag>(a().tag ?? "operational_improvement");
  const [heading, setHeading] = createSignal<ReportHeading>(a().heading ?? "operational_improvement");
  const [quote, setQuote] = createSignal(a().quote ?? false);
  const [excerpt, setExcerpt] = createSignal(a().excerpt ?? "");
  const [message, setMessage] = createSignal<string>();
  const id = () => `${a().replyId}-${a().questionId}`;
  const save = async () => {
    const result = await consoleRequest(
      "PUT",
      `/replies/${encodeURIComponent(a().replyId)}/answers/${encodeURIComponent(a().questionId)}/tag`,
      { tag: tag(), heading: heading(), quote: quote(), excerpt: excerpt().trim() || null },
    );
    setMessage(result.ok ? "Saved." : result.error.message);
    if (result.ok) props.onSaved();
  };
  const removeTag = async () => {
    const result = await consoleRequest(
      "DELETE",
      `/replies/${encodeURIComponent(a().replyId)}/answers/${encodeURIComponent(a().questionId)}/tag`,
    );
    setMessage(result.ok ? "Tag removed." : result.error.message);
    if (result.ok) props.onSaved();
  };
  return (
    <li class="card" data-testid="free-text-answer">
      <p class="muted">
        {a().administrationCode} · {a().workshopTitle} · {a().questionLabel}
      </p>
      <Show when={a().carriedOver} fallback={<p class="answer">{a().text}</p>}>
        {(carried) => (
          <div data-testid="carried-over">
            <Show
              when={carried().needsReview}
              fallback={
                <>
                  <p class="answer">{a().text}</p>
                  <p class="muted">The respondent replied again; the tag was carried over from the earlier reply.</p>
                </>
              }
            >
              <p class="review-flag">
                Needs review: the respondent replied again and the quoted words are not in the newer answer. Save a tag
                to curate the newer answer, or remove the tag.
              </p>
              <div class="answer-versions">
                <div>
                  <h3>Earlier reply</h3>
                  <p class="answer">{carried().previousText}</p>
                </div>
                <div>
                  <h3>Newer reply</h3>
                  <p class="answer">{a().text === "" ? "(left blank)" : a().text}</p>
                </div>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <Show when={canChange()}>
        <div class="curation-fields">
          <label for={`tag-${id()}`}>Tag</label>
          <select id={`tag-${id()}`} value={tag()} onChange={(e) => setTag(e.currentTarget.value as AnswerTag)}>
            <For each={ANSWER_TAGS}>{(t) => <option value={t}>{ANSWER_TAG_LABELS[t]}</option>}</For>
          </select>
          <label for={`heading-${id()}`}>Report heading</label>
          <select
            id={`heading-${id()}`}
            value={heading()}
            onChange={(e) => setHeading(e.currentTarget.value as ReportHeading)}
          >
            <For each={REPORT_HEADINGS}>{(h) => <option value={h}>{REPORT_HEADING_LABELS[h]}</option>}</For>
          </select>
          <label class="choice">
            <input type="checkbox" checked={quote()} onChange={(e) => setQuote(e.currentTarget.checked)} />
            <span>Quote it in the report</span>
          </label>
          <label for={`excerpt-${id()}`}>Excerpt to quote (optional; the whole answer otherwise)</label>
          <textarea
            id={`excerpt-${id()}`}
            rows={2}
            maxLength={1000}
            value={excerpt()}
            onInput={(e) => setExcerpt(e.currentTarget.value)}
          />
          <button type="button" class="button small" onClick={() => void save()}>
            Save
          </button>
          <Show when={a().tag}>
            <button type="button" class="button small" onClick={() => void removeTag()}>
              Remove tag
            </button>
          </Show>
          <Show when={message()}>
            <span role="status"> {message()}</span>
          </Show>
        </div>
      </Show>
    </li>
  );
}
