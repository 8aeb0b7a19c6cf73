// Everything a trainer does back home, without internet: share materials, receive them, log sessions, carry replies.
import { For, Show } from "solid-js";
import { countInhouseSessions } from "../../store/inhouseLog";
import { listWorkshopsWithKeptMaterials } from "../../store/libraryViews";
import { countRelayedRepliesToDeliver } from "../../store/relayedReplies";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link } from "../../ui/router";
import { t } from "../../i18n/trainerMessages";

export default function TrainerPage() {
  const workshops = createLiveQuery(() => listWorkshopsWithKeptMaterials());
  const sessions = createLiveQuery(() => countInhouseSessions());
  const relays = createLiveQuery(() => countRelayedRepliesToDeliver());

  return (
    <main class="page">
      <h1>{t("shareAndTrain")}</h1>
      <section class="card">
        <h2>{t("shareWithColleagues")}</h2>
        <p>{t("shareExplained")}</p>
        <Show when={(workshops() ?? []).length > 0} fallback={<p class="muted">{t("saveMaterialsFirst")}</p>}>
          <ul class="link-list">
            <For each={workshops()}>
              {(w) => (
                <li>
                  <Link href={`/share/${w.id}`}>{w.title}</Link>{" "}
                  <span class="muted">{t("countOnPhone", { count: w.count })}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="card">
        <h2>{t("receiveMaterials")}</h2>
        <p>{t("receiveExplained")}</p>
        <Link class="button primary" href="/import">
          {t("importAPack")}
        </Link>
      </section>
      <section class="card">
        <h2>{t("inhouseLog")}</h2>
        <p>
          {sessions()
            ? sessions() === 1
              ? t("sessionsOne")
              : t("sessionsOther", { count: sessions() ?? 0 })
            : t("recordSessions")}
        </p>
        <Link class="button" href="/inhouse">
          {t("openTheLog")}
        </Link>
      </section>
      <section class="card">
        <h2>{t("deliverForOthers")}</h2>
        <p>{relays() ? t("waitingToDeliver", { count: relays() ?? 0 }) : t("carryReplies")}</p>
        <Link class="button" href="/deliver">
          {t("deliverReplies")}
        </Link>
      </section>
    </main>
  );
}
