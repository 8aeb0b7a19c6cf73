// The trainer's log of in-house sessions, kept on the phone; the follow-up questionnaire offers it later.
import { For, Show, createSignal } from "solid-js";
import { formatCalendarDate, localCalendarDate } from "../../../shared/calendarDate";
import { addInhouseSession, deleteInhouseSession, listInhouseSessions } from "../../store/inhouseLog";
import { listKeptMaterials } from "../../store/libraryViews";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link } from "../../ui/router";
import { FormProblem } from "../../ui/FormProblem";

// The device's own today: in Suva at 09:30 the UTC date is still yesterday.
const today = () => localCalendarDate(new Date());

export default function InhouseLogPage() {
  const sessions = createLiveQuery(() => listInhouseSessions("newest_first"));
  const materials = createLiveQuery(() => listKeptMaterials());
  const [date, setDate] = createSignal(today());
  const [topic, setTopic] = createSignal("");
  const [attendees, setAttendees] = createSignal("");
  const [used, setUsed] = createSignal<string[]>([]);
  const [notes, setNotes] = createSignal("");
  const [problem, setProblem] = createSignal<string>();
  const [confirmDelete, setConfirmDelete] = createSignal<string>();
  const [savedNote, setSavedNote] = createSignal("");

  const save = async (event: Event) => {
    event.preventDefault();
    const count = Number(attendees());
    if (!topic().trim()) return setProblem("Please say what the session was about.");
    if (!Number.isInteger(count) || count < 1 || count > 10_000)
      return setProblem("Please give the number of colleagues who attended (1 or more).");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date())) return setProblem("Please give the date of the session.");
    setProblem(undefined);
    setSavedNote("");
    const workshopId = (materials() ?? []).find((m) => used().includes(m.id))?.workshopId;
    await addInhouseSession({
      date: date(),
      topic: topic().trim(),
      attendees: count,
      materialIds: used(),
      ...(workshopId ? { workshopId } : {}),
      ...(notes().trim() ? { notes: notes().trim() } : {}),
    });
    setSavedNote(
      `Saved: ${topic().trim()}, ${formatCalendarDate(date())}. The follow-up questionnaire will offer it as an answer.`,
    );
    setTopic("");
    setAttendees("");
    setUsed([]);
    setNotes("");
  };

  const materialTitle = (id: string) =>
    (materials() ?? []).find((m) => m.id === id)?.title ?? "a material no longer on this phone";

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">Share and train</Link>
      </p>
      <h1>In-house workshop log</h1>
      <p>
        Record each session you run for colleagues. It stays on this phone; when you answer the follow-up questionnaire,
        the app offers to use it.
      </p>
      <form class="card" onSubmit={(e) => void save(e)} novalidate>
        <h2>Add a session</h2>
        <label for="session-date">Date</label>
        <input
          id="session-date"
          type="date"
          value={date()}
          max={today()}
          onInput={(e) => setDate(e.currentTarget.value)}
          required
        />
        <label for="session-topic">Topic</label>
        <input
          id="session-topic"
          type="text"
          maxLength={300}
          value={topic()}
          onInput={(e) => setTopic(e.currentTarget.value)}
          placeholder="e.g. RKC General Annex for border staff"
          required
        />
        <label for="session-attendees">Number of attendees</label>
        <input
          id="session-attendees"
          type="number"
          inputmode="numeric"
          min="1"
          value={attendees()}
          onInput={(e) => setAttendees(e.currentTarget.value)}
          required
        />
        <fieldset class="choices">
          <legend class="question-label">Materials used</legend>
          <Show
            when={(materials() ?? []).length > 0}
            fallback={<p class="muted">No materials are saved on this phone yet.</p>}
          >
            <For each={materials()}>
              {(m) => (
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={used().includes(m.id)}
                    onChange={(e) =>
                      setUsed((u) => (e.currentTarget.checked ? [...u, m.id] : u.filter((x) => x !== m.id)))
                    }
                  />
                  <span>{m.title}</span>
                </label>
              )}
            </For>
          </Show>
        </fieldset>
        <label for="session-notes">Notes (optional)</label>
        <textarea
          id="session-notes"
          rows={3}
          maxLength={2000}
          value={notes()}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
        <FormProblem problem={problem()} />
        <button type="submit" class="button primary">
          Save session
        </button>
        {/* Always in the page, so a screen reader announces the sentence when it appears. */}
        <p role="status" data-testid="inhouse-saved">
          {savedNote()}
        </p>
      </form>
      <h2>Sessions on this phone</h2>
      <Show when={(sessions() ?? []).length > 0} fallback={<p class="muted">None yet.</p>}>
        <ul class="card-list">
          <For each={sessions()}>
            {(s) => (
              <li class="card" data-testid="inhouse-session">
                <h3>{s.topic}</h3>
                <p class="muted">
                  {formatCalendarDate(s.date)} · {s.attendees} {s.attendees === 1 ? "attendee" : "attendees"}
                </p>
                <Show when={s.materialIds.length > 0}>
                  <p>Materials: {s.materialIds.map(materialTitle).join("; ")}</p>
                </Show>
                <Show when={s.notes}>
                  <p>{s.notes}</p>
                </Show>
                <Show
                  when={confirmDelete() === s.id}
                  fallback={
                    <button type="button" class="button small danger" onClick={() => setConfirmDelete(s.id)}>
                      Delete…
                    </button>
                  }
                >
                  <div class="confirm" role="alertdialog" aria-label="Delete this session?">
                    <p>Delete this session from the log?</p>
                    <div class="button-row">
                      <button type="button" class="button" onClick={() => setConfirmDelete(undefined)}>
                        Keep it
                      </button>
                      <button type="button" class="button danger" onClick={() => void deleteInhouseSession(s.id)}>
                        Yes, delete
                      </button>
                    </div>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </main>
  );
}
