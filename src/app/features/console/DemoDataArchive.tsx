// Putting away the demo data seeded on first start (one button, asked twice), and bringing it back.
import { Show, createResource, createSignal } from "solid-js";
import type { DemoDataState } from "../../../shared/demoArchive";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";
import { workshopsText as t } from "./consoleText";

export function DemoDataArchive(props: { onChanged: () => void }) {
  const [state, { mutate }] = createResource(async () => {
    const result = await consoleRequest<DemoDataState>("GET", "/demo-data");
    return result.ok ? result.body : undefined;
  });
  const [asking, setAsking] = createSignal(false);
  const [message, setMessage] = createSignal<string>();
  const change = async (action: "archive" | "restore") => {
    const result = await consoleRequest<DemoDataState>("POST", `/demo-data/${action}`);
    setAsking(false);
    if (!result.ok) return setMessage(result.error.message);
    mutate(result.body);
    setMessage(action === "archive" ? t("demoArchived") : t("demoBack"));
    props.onChanged();
  };
  return (
    <Show when={state()?.present}>
      <section class="card" aria-labelledby="demo-data">
        <h2 id="demo-data">{t("demoData")}</h2>
        <Show
          when={state()!.archivedAt === null}
          fallback={
            <>
              <p>
                {t("demoArchivedAt", {
                  when: formatDateTime(state()!.archivedAt ?? undefined),
                  by: state()!.archivedBy ? t("demoArchivedBy", { name: state()!.archivedBy! }) : "",
                })}
              </p>
              <button type="button" class="button" onClick={() => void change("restore")}>
                {t("restoreDemo")}
              </button>
            </>
          }
        >
          <p>
            {t("demoExplained", { title: state()!.workshopTitle ?? "", codes: state()!.invitationCodes.join(", ") })}
          </p>
          <Show
            when={asking()}
            fallback={
              <button type="button" class="button" onClick={() => setAsking(true)}>
                {t("archiveDemoAsk")}
              </button>
            }
          >
            <p role="alert">{t("archiveDemoConfirm", { count: state()!.invitationCodes.length })}</p>
            <div class="button-row">
              <button type="button" class="button danger" onClick={() => void change("archive")}>
                {t("archiveIt")}
              </button>
              <button type="button" class="button" onClick={() => setAsking(false)}>
                {t("keepIt")}
              </button>
            </div>
          </Show>
        </Show>
        <Show when={message()}>
          <p role="status">{message()}</p>
        </Show>
      </section>
    </Show>
  );
}
