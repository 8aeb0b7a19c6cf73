// Feedback as a participant reads it (message, report tables, quotes by heading): the participant's page and the
// console's preview before publishing render the same thing.
import { For } from "solid-js";
import { Dynamic } from "solid-js/web";
import { REPORT_HEADINGS, type ParticipantFeedback } from "../../shared/feedback";
import { t } from "../i18n/feedbackMessages";
import { PercentBars } from "./PercentBars";
import { RowsTable } from "./RowsTable";

export function FeedbackBody(props: { feedback: ParticipantFeedback; headingLevel?: 2 | 3 }) {
  const f = () => props.feedback;
  const heading = () => (props.headingLevel === 3 ? "h3" : "h2");
  return (
    <>
      <For each={f().message.split(/\n{2,}/)}>{(paragraph) => <p>{paragraph}</p>}</For>
      <For each={f().tables}>
        {(table) => (
          <section>
            <Dynamic component={heading()}>{t("tableTitle", { number: table.number, title: table.title })}</Dynamic>
            <PercentBars rows={table.rows} caption={t("allWorkshopsAtAGlance")} />
            <RowsTable rows={table.rows} />
          </section>
        )}
      </For>
      <For each={REPORT_HEADINGS.filter((h) => f().quotes.some((q) => q.heading === h))}>
        {(h) => (
          <section>
            <Dynamic component={heading()}>{t(`heading_${h}`)}</Dynamic>
            <For each={f().quotes.filter((q) => q.heading === h)}>
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
    </>
  );
}
