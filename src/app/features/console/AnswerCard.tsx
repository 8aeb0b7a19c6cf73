// One free-text answer to curate: its tag, report heading and quote, saved in place (the list around it stays put),
// an excerpt taken by selecting words in the answer, and a box to choose it for bulk tagging.
import { Show, createEffect, createSignal, on } from "solid-js";
import { excerptIsInAnswer } from "../../../shared/curation";
import { type AnswerTag, type AnswerTagging, type FreeTextAnswer, type ReportHeading } from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { TagAndHeadingSelects } from "./TagAndHeadingSelects";
import { canChange } from "./consoleState";
import { Link } from "../../ui/router";
import { repliesText as t } from "./consoleText";
import { reportHeadingName } from "../../i18n/feedbackMessages";

export const answerKey = (a: { replyId: string; questionId: string }): string => `${a.replyId}/${a.questionId}`;

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
      ([savedTag, h, q, e]) => {
        setTag(savedTag ?? "");
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
      setMessage(t("selectWordsFirst"));
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
      setMessage(t("chooseTagAndHeadingFirst"));
      return;
    }
    const words = excerpt().trim();
    if (words !== "" && !excerptIsInAnswer(words, a().text)) {
      setMessage(t("excerptNotInAnswer"));
      return;
    }
    setMessage(t("saving"));
    const result = await consoleRequest<AnswerTagging>("PUT", tagPath(), {
      tag: chosenTag,
      heading: chosenHeading,
      quote: quote(),
      excerpt: words || null,
    });
    setMessage(result.ok ? t("saved") : result.error.message);
    if (result.ok) props.onSaved(result.body);
  };
  const removeTag = async () => {
    const result = await consoleRequest("DELETE", tagPath());
    setMessage(result.ok ? t("tagRemoved") : result.error.message);
    if (result.ok) props.onSaved(undefined);
  };
  return (
    <li class="card curated-answer" classList={{ untagged: !a().tag }} data-testid="free-text-answer">
      <div class="answer-head">
        <p class="muted">
          {a().administrationCode} · {a().workshopTitle} · {a().questionLabel} ·{" "}
          <Link href={`/console/replies/${encodeURIComponent(a().replyId)}`}>{t("readWholeReply")}</Link>
        </p>
        <Show when={a().tag} fallback={<p class="tag-state">{t("notTagged")}</p>}>
          {(savedTag) => (
            <p class="tag-state tagged">
              {t(`tag_${savedTag()}`)}
              {a().heading ? ` · ${reportHeadingName(a().heading!)}` : ""}
              {a().quote ? t("quotedMark") : ""}
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
                  <p class="muted">{t("carriedOver")}</p>
                </>
              }
            >
              <p class="review-flag">{t("needsReviewCarried")}</p>
              <div class="answer-versions">
                <div>
                  <h3>{t("earlierReply")}</h3>
                  <p class="answer">{carried().previousText}</p>
                </div>
                <div>
                  <h3>{t("newerReply")}</h3>
                  <p class="answer" ref={answerText}>
                    {a().text === "" ? t("leftBlank") : a().text}
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
          <span>{t("chooseForBulk")}</span>
        </label>
        <div class="curation-fields">
          <TagAndHeadingSelects
            idPrefix={`answer-${id()}`}
            tag={tag()}
            heading={heading()}
            onTag={setTag}
            onHeading={setHeading}
            noTag={t("notTaggedChoose")}
            noHeading={t("noHeadingChoose")}
          />
          <label class="choice">
            <input type="checkbox" checked={quote()} onChange={(e) => setQuote(e.currentTarget.checked)} />
            <span>{t("quoteInReport")}</span>
          </label>
          <label for={`excerpt-${id()}`}>{t("excerptLabel")}</label>
          <textarea
            id={`excerpt-${id()}`}
            rows={2}
            maxLength={1000}
            value={excerpt()}
            onInput={(e) => setExcerpt(e.currentTarget.value)}
          />
          <div class="curation-actions">
            <button type="button" class="button small" onClick={quoteSelection}>
              {t("quoteSelected")}
            </button>
            <button type="button" class="button small primary" onClick={() => void save()}>
              {t("save")}
            </button>
            <Show when={a().tag}>
              <button type="button" class="button small" onClick={() => void removeTag()}>
                {t("removeTag")}
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
