// Answering a questionnaire: opening the invitation's survey on this phone, or saying why not; the form is SurveyForm.tsx.
import { Link, useNavigate, useParams } from "../../ui/router";
import { Show, createResource } from "solid-js";
import { heldSurvey, loadStore } from "../../store/storeLoader";
import type { SurveyContextResult } from "../../store/surveyContext";
import { OfflineReadiness } from "../home/OfflineReadiness";
import { SurveyForm, type SurveyScreenContext } from "./SurveyForm";
import { t } from "../../i18n/coreMessages";

type LoadResult = Exclude<SurveyContextResult, { kind: "ready" }> | { kind: "ready"; context: SurveyScreenContext };

/** A first visit's questionnaire opens from the invitation in memory; any other from the phone's database. */
async function loadSurvey(code: string): Promise<LoadResult> {
  const held = heldSurvey(code);
  if (held) return { kind: "ready", context: { ...held.context, persistence: held.persistence } };
  const store = await loadStore();
  const result = await store.loadSurveyContext(code);
  if (result.kind !== "ready") return result;
  return { kind: "ready", context: { ...result.context, persistence: store.ensurePersistentStorage() } };
}

export function SurveyPage() {
  const params = useParams<{ code: string }>();
  const navigate = useNavigate();
  const [loaded] = createResource(() => params.code.toUpperCase(), loadSurvey);

  return (
    <main class="page">
      <OfflineReadiness />
      <Show when={loaded.error}>
        <p class="banner banner-error" role="alert">
          {String((loaded.error as Error)?.message ?? loaded.error)}
        </p>
      </Show>
      <Show when={loaded()} fallback={<p class="muted">{t("openingQuestionnaire")}</p>}>
        {(result) => {
          const r = result();
          if (r.kind === "not_joined")
            return (
              <section class="card">
                <h1>{t("notJoinedHeading")}</h1>
                <p>{t("notJoinedExplained")}</p>
                <Link class="button primary" href={`/join/${params.code}`}>
                  {t("openInvitation", { code: params.code })}
                </Link>
              </section>
            );
          if (r.kind === "already_replied") {
            navigate(`/reply/${r.replyId}`, { replace: true });
            return null;
          }
          return <SurveyForm context={r.context} />;
        }}
      </Show>
    </main>
  );
}
