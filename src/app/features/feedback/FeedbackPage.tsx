// The organiser's feedback for a campaign: findings and good examples, readable offline once fetched.
import { Show } from "solid-js";
import { getFeedbackOnPhone } from "../../store/homeOverview";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { FeedbackBody } from "../../ui/FeedbackView";
import { formatDate } from "../../ui/formatTime";
import { Link, useParams } from "../../ui/router";
import { t } from "../../i18n/feedbackMessages";

export default function FeedbackPage() {
  const params = useParams<{ code: string }>();
  const stored = createLiveQuery(() => getFeedbackOnPhone(params.code));
  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/">{t("yourQuestionnaires")}</Link>
      </p>
      <Show when={stored()} fallback={<p class="muted">{stored() === undefined ? t("noFeedbackYet") : ""}</p>}>
        {(s) => (
          <article data-testid="feedback">
            <p class="eyebrow">{s().feedback.workshopTitle}</p>
            <h1>{s().feedback.title}</h1>
            <p class="muted">{t("publishedSaved", { date: formatDate(s().feedback.publishedAt) })}</p>
            <FeedbackBody feedback={s().feedback} />
          </article>
        )}
      </Show>
    </main>
  );
}
