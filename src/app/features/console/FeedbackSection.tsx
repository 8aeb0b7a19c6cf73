// Publishing feedback for a campaign: a message, chosen report tables and picked quotes, which every
// invited participant then sees in the app (offline once fetched), whether or not they replied.
import { For, Show, createResource, createSignal } from "solid-js";
import { fiscalYearToPath } from "../../../shared/console";
import type { ConsoleFeedback, QuoteId, ReportQuotes } from "../../../shared/feedback";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { canChange } from "./consoleState";

const TABLES = [
  "Replies",
  "Follow-up actions",
  "Direct effects",
  "Direct effects × actions",
  "Efficiency",
  "New projects",
  "New projects × actions",
];

export function FeedbackSection(props: { campaignId: string; fiscalYear: string; workshopTitle: string }) {
  const [published, { mutate }] = createResource(
    () => props.campaignId,
    async (id) => {
      const result = await consoleRequest<ConsoleFeedback>("GET", `/campaigns/${encodeURIComponent(id)}/feedback`);
      return result.ok ? result.body : null;
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
  const [title, setTitle] = createSignal(`What colleagues did after the workshop`);
  const [message, setMessage] = createSignal(
    "Thank you to everyone who replied. Here are the figures so far and some good examples from other administrations.",
  );
  const [tables, setTables] = createSignal<number[]>([1, 2]);
  const [chosen, setChosen] = createSignal<QuoteId[]>([]);
  const [status, setStatus] = createSignal<string>();
  const isChosen = (q: QuoteId) => chosen().some((c) => c.replyId === q.replyId && c.questionId === q.questionId);

  const publish = async () => {
    const result = await consoleRequest<ConsoleFeedback>(
      "PUT",
      `/campaigns/${encodeURIComponent(props.campaignId)}/feedback`,
      { title: title(), message: message(), tables: tables(), quoteIds: chosen() },
    );
    if (!result.ok) return setStatus(result.error.message);
    mutate(result.body);
    setStatus(`Published (version ${result.body.version}). Participants see it the next time their app is online.`);
  };

  return (
    <section class="card no-print" aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback to participants</h2>
      <Show when={published()}>
        {(f) => (
          <p data-testid="feedback-published">
            Published {formatDateTime(f().publishedAt)} (version {f().version}): “{f().title}”.
          </p>
        )}
      </Show>
      <Show when={canChange()}>
        <label for="feedback-title">Title</label>
        <input id="feedback-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
        <label for="feedback-message">Message</label>
        <textarea id="feedback-message" rows={4} value={message()} onInput={(e) => setMessage(e.currentTarget.value)} />
        <fieldset class="choices">
          <legend class="question-label">Tables to include</legend>
          <For each={TABLES}>
            {(name, i) => (
              <label class="choice">
                <input
                  type="checkbox"
                  checked={tables().includes(i() + 1)}
                  onChange={(e) =>
                    setTables((t) => (e.currentTarget.checked ? [...t, i() + 1] : t.filter((x) => x !== i() + 1)))
                  }
                />
                <span>
                  Table {i() + 1}: {name}
                </span>
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="choices">
          <legend class="question-label">Quotes to include</legend>
          <Show
            when={(quotes() ?? []).length > 0}
            fallback={<p class="muted">Pick quotes on the report page first.</p>}
          >
            <For each={(quotes() ?? []).flatMap((g) => g.quotes.map((q) => ({ ...q, label: g.label })))}>
              {(q) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={isChosen(q)}
                    onChange={(e) =>
                      setChosen((c) =>
                        e.currentTarget.checked
                          ? [...c, { replyId: q.replyId, questionId: q.questionId }]
                          : c.filter((x) => !(x.replyId === q.replyId && x.questionId === q.questionId)),
                      )
                    }
                  />
                  <span>
                    <em>{q.label}:</em> {q.text.slice(0, 140)} <span class="muted">({q.administration.name})</span>
                  </span>
                </label>
              )}
            </For>
          </Show>
        </fieldset>
        <button type="button" class="button primary" onClick={() => void publish()}>
          {published() ? "Publish again" : "Publish to participants"}
        </button>
        <Show when={status()}>
          <p role="status">{status()}</p>
        </Show>
      </Show>
    </section>
  );
}
