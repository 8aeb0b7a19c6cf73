// The organiser's feedback for a campaign: findings and good examples, readable offline once fetched.
import { For, Show } from "solid-js";
import { REPORT_HEADINGS, REPORT_HEADING_LABELS } from "../../../shared/feedback";
import { getFeedbackOnPhone } from "../../store/homeOverview";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { formatDate } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { RowsTable } from "../../ui/RowsTable";

export default function FeedbackPage() {
  const params = useParams<{ code: string }>();
  const stored = createLiveQuery(() => getFeedbackOnPhone(params.code));
  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/">Your questionnaires</Link>
      </p>
      <Show
        when={stored()}
        fallback={<p class="muted">{stored() === undefined ? "No feedback on this phone yet." : ""}</p>}
      >
        {(s) => (
          <article data-testid="feedback">
            <p class="eyebrow">{s().feedback.workshopTitle}</p>
            <h1>{s().feedback.title}</h1>
            <p class="muted">Published {formatDate(s().feedback.publishedAt)} · saved on this phone</p>
            <For each={s().feedback.message.split(/\n{2,}/)}>{(paragraph) => <p>{paragraph}</p>}</For>
            <For each={s().feedback.tables}>
              {(table) => (
                <section>
                  <h2>
                    Table {table.number}: {table.title}
                  </h2>
                  <RowsTable rows={table.rows} />
                </section>
              )}
            </For>
            <For each={REPORT_HEADINGS.filter((h) => s().feedback.quotes.some((q) => q.heading === h))}>
              {(heading) => (
                <section>
                  <h2>{REPORT_HEADING_LABELS[heading]}</h2>
                  <For each={s().feedback.quotes.filter((q) => q.heading === heading)}>
                    {(quote) => (
                      <blockquote class="quote">
                        <p>{quote.text}</p>
                        <footer class="muted">
                          {quote.administration} · {quote.workshop}
                        </footer>
                      </blockquote>
                    )}
                  </For>
                </section>
              )}
            </For>
          </article>
        )}
      </Show>
    </main>
  );
}
