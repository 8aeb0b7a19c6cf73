// Everything a trainer does back home, without internet: share materials, receive them, log sessions, carry replies.
import { For, Show } from "solid-js";
import { countInhouseSessions } from "../../store/inhouseLog";
import { listWorkshopsWithKeptMaterials } from "../../store/libraryViews";
import { countRelayedRepliesToDeliver } from "../../store/relayedReplies";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link } from "../../ui/router";

export default function TrainerPage() {
  const workshops = createLiveQuery(() => listWorkshopsWithKeptMaterials());
  const sessions = createLiveQuery(() => countInhouseSessions());
  const relays = createLiveQuery(() => countRelayedRepliesToDeliver());

  return (
    <main class="page">
      <h1>Share and train</h1>
      <section class="card">
        <h2>Share materials with colleagues</h2>
        <p>
          Make one file with a workshop's materials and send it by Bluetooth, Nearby Share, cable or a messaging app. No
          internet needed; colleagues without the app can still unzip it.
        </p>
        <Show
          when={(workshops() ?? []).length > 0}
          fallback={<p class="muted">Save a workshop's materials on this phone first (Materials).</p>}
        >
          <ul class="link-list">
            <For each={workshops()}>
              {(w) => (
                <li>
                  <Link href={`/share/${w.id}`}>{w.title}</Link> <span class="muted">({w.count} on this phone)</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
      <section class="card">
        <h2>Receive materials</h2>
        <p>
          Open a pack file a colleague sent you. The app checks every file and whether the pack was issued by the
          organiser's server.
        </p>
        <Link class="button primary" href="/import">
          Import a pack
        </Link>
      </section>
      <section class="card">
        <h2>In-house workshop log</h2>
        <p>
          {sessions()
            ? `${sessions()} session${sessions() === 1 ? "" : "s"} recorded.`
            : "Record the sessions you run for colleagues."}
        </p>
        <Link class="button" href="/inhouse">
          Open the log
        </Link>
      </section>
      <section class="card">
        <h2>Deliver replies for others</h2>
        <p>
          {relays()
            ? `${relays()} waiting to be delivered.`
            : "Carry a colleague's reply file to the server when you are online."}
        </p>
        <Link class="button" href="/deliver">
          Deliver replies
        </Link>
      </section>
    </main>
  );
}
