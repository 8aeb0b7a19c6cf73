// One free-text answer to curate: its tag, report heading and quote, saved in place (the list around it stays put),
// an excerpt taken by selecting words in the answer, and a box to choose it for bulk tagging.
import { Show, createEffect, createSignal, on } from "solid-js";
import { excerptIsInAnswer } from "../../../shared/curation";
import {
  ANSWER_TAG_LABELS,
  REPORT_HEADING_LABELS,
  type AnswerTag,
  type AnswerTagging,
  type FreeTextAnswer,
  type ReportHeading,
} from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { TagAndHeadingSelects } from "./TagAndHeadingSelects";
import { canChange } from "./consoleState";
import { Link } from "../../ui/router";

export const answerKey = (a: { replyId: string; questionId: string }): string => `${a.replyId}/${a.questionId}`;

const EXCERPT_NOT_IN_ANSWER =
  "These words are not in the answer. Select the words to quote in the answer, or leave the excerpt empty to quote all of it.";

export function AnswerCard(props: {
  answer: FreeTextAnswer;
  chosen: boolean;
  onChoose: (chosen: boolean) => void;
  /** The answer's curation as the server now has it (undefined: the tag was removed). */
  onSaved: (tagging: AnswerTagging | undefined) => void;
}) {
  const a = () => props.answer;
  const [tag, setTag] = createSignal<AnswerTag | "">(a().tag ?? "");
  const [heading, setHeading] = createSignal<ReportHeading | "">(a().heading ?? "");
  const [quote, setQuote] = createSignal(a().quote ?? false);
  const [excerpt, setExcerpt] = createSignal(a().excerpt ?? "");
  const [message, setMessage] = createSignal<string>();
  // A bulk tag or a removal changes the saved curation: the form follows it.
  createEffect(
    on(
      () => [a().tag, a().heading, a().quote, a().excerpt] as const,
      ([t, h, q, e]) => {
        setTag(t ?? "");
        setHeading(h ?? "");
        setQuote(q ?? false);
        setExcerpt(e ?? "");
      },
      { defer: true },
    ),
  );
  let answerText: HTMLParagraphElement | undefined;
  const id = () => `${a().replyId}-${a().questionId}`;
  const tagPath = () => `/replies/${encodeURIComponent(a().replyId)}/answers/${encodeURIComponent(a().questionId)}/tag`;

  const quoteSelection = () => {
    const selection = window.getSelection();
    const inAnswer =
      selection !== null &&
      selection.rangeCount > 0 &&
      answerText !== undefined &&
      answerText.contains(selection.anchorNode) &&
      answerText.contains(selection.focusNode);
    const words = inAnswer ? selection.toString().trim() : "";
    if (words === "") {
      setMessage("Select the words to quote in the answer above first.");
      return;
    }
    setExcerpt(words);
    setQuote(true);
    setMessage(undefined);
  };
  const save = async () => {
    const chosenTag = tag();
    const chosenHeading = heading();
    if (chosenTag === "" || chosenHeading === "") {
      setMessage("Choose a tag and a report heading first.");
      return;
    }
    const words = excerpt().trim();
    if (words !== "" && !excerptIsInAnswer(words, a().text)) {
      setMessage(EXCERPT_NOT_IN_ANSWER);
      return;
    }
    setMessage("Saving…");
    const result = await consoleRequest<AnswerTagging>("PUT", tagPath(), {
      tag: chosenTag,
      heading: chosenHeading,
      quote: quote(),
      excerpt: words || null,
    });
    setMessage(result.ok ? "Saved." : result.error.message);
    if (result.ok) props.onSaved(result.body);
  };
  const removeTag = async () => {
    const result = await consoleRequest("DELETE", tagPath());
    setMessage(result.ok ? "Tag removed." : result.error.message);
    if (result.ok) props.onSaved(undefined);
  };
  return (
    <li class="card curated-answer" classList={{ untagged: !a().tag }} data-testid="free-text-answer">
      <div class="answer-head">
        <p class="muted">
          {a().administrationCode} · {a().workshopTitle} · {a().questionLabel} ·{" "}
          <Link href={`/console/replies/${encodeURIComponent(a().replyId)}`}>Read the whole reply</Link>
        </p>
        <Show when={a().tag} fallback={<p class="tag-state">Not tagged</p>}>
          {(t) => (
            <p class="tag-state tagged">
              {ANSWER_TAG_LABELS[t()]}
              {a().heading ? ` · ${REPORT_HEADING_LABELS[a().heading!]}` : ""}
              {a().quote ? " · quoted" : ""}
            </p>
          )}
        </Show>
      </div>
      <Show
        when={a().carriedOver}
        fallback={
          <p class="answer" ref={answerText}>
            {a().text}
          </p>
        }
      >
        {(carried) => (
          <div data-testid="carried-over">
            <Show
              when={carried().needsReview}
              fallback={
                <>
                  <p class="answer" ref={answerText}>
                    {a().text}
                  </p>
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
                  <p class="answer" ref={answerText}>
                    {a().text === "" ? "(left blank)" : a().text}
                  </p>
                </div>
              </div>
            </Show>
          </div>
        )}
      </Show>
      <Show when={canChange()}>
        <label class="choice bulk-choice">
          <input type="checkbox" checked={props.chosen} onChange={(e) => props.onChoose(e.currentTarget.checked)} />
          <span>Choose for bulk tagging</span>
        </label>
        <div class="curation-fields">
          <TagAndHeadingSelects
            idPrefix={`answer-${id()}`}
            tag={tag()}
            heading={heading()}
            onTag={setTag}
            onHeading={setHeading}
            noTag="Not tagged — choose…"
            noHeading="No heading — choose…"
          />
          <label class="choice">
            <input type="checkbox" checked={quote()} onChange={(e) => setQuote(e.currentTarget.checked)} />
            <span>Quote it in the report</span>
          </label>
          <label for={`excerpt-${id()}`}>Excerpt to quote (words from the answer; the whole answer if empty)</label>
          <textarea
            id={`excerpt-${id()}`}
            rows={2}
            maxLength={1000}
            value={excerpt()}
            onInput={(e) => setExcerpt(e.currentTarget.value)}
          />
          <div class="curation-actions">
            <button type="button" class="button small" onClick={quoteSelection}>
              Quote the selected words
            </button>
            <button type="button" class="button small primary" onClick={() => void save()}>
              Save
            </button>
            <Show when={a().tag}>
              <button type="button" class="button small" onClick={() => void removeTag()}>
                Remove tag
              </button>
            </Show>
          </div>
          <p role="status" class="curation-status">
            {message()}
          </p>
        </div>
      </Show>
    </li>
  );
}
