// Putting away the demo data seeded on first start (one button, asked twice), and bringing it back.
import { Show, createResource, createSignal } from "solid-js";
import type { DemoDataState } from "../../../shared/demoArchive";
import { consoleRequest } from "../../sync/consoleClient";
import { formatDateTime } from "../../ui/formatTime";

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
    setMessage(action === "archive" ? "The demo data is archived." : "The demo data is back.");
    props.onChanged();
  };
  return (
    <Show when={state()?.present}>
      <section class="card" aria-labelledby="demo-data">
        <h2 id="demo-data">Demo data</h2>
        <Show
          when={state()!.archivedAt === null}
          fallback={
            <>
              <p>
                Archived {formatDateTime(state()!.archivedAt ?? undefined)}
                {state()!.archivedBy ? ` by ${state()!.archivedBy}` : ""}: out of the lists and reports, its codes take
                no replies. Nothing was deleted.
              </p>
              <button type="button" class="button" onClick={() => void change("restore")}>
                Restore the demo data
              </button>
            </>
          }
        >
          <p>
            The first start added a demo workshop ({state()!.workshopTitle}) with a campaign and the invitation codes{" "}
            {state()!.invitationCodes.join(", ")}. Archive it when the office starts its own work: it leaves every list,
            the tracking and the reports, its codes stop taking replies, and nothing is deleted.
          </p>
          <Show
            when={asking()}
            fallback={
              <button type="button" class="button" onClick={() => setAsking(true)}>
                Archive the demo data…
              </button>
            }
          >
            <p role="alert">
              Archive the demo workshop, its campaign and its {state()!.invitationCodes.length} invitations? You can
              restore them.
            </p>
            <div class="button-row">
              <button type="button" class="button danger" onClick={() => void change("archive")}>
                Archive it
              </button>
              <button type="button" class="button" onClick={() => setAsking(false)}>
                Keep it
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
