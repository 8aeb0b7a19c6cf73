// The trainer's log of in-house sessions, kept on the phone; the follow-up questionnaire offers it later.
import { For, Show, createSignal } from "solid-js";
import { formatCalendarDate, localCalendarDate } from "../../../shared/calendarDate";
import { addInhouseSession, deleteInhouseSession, listInhouseSessions } from "../../store/inhouseLog";
import { listKeptMaterials } from "../../store/libraryViews";
import { createLiveQuery } from "../../ui/createLiveQuery";
import { Link } from "../../ui/router";
import { FormProblem } from "../../ui/FormProblem";
import { formattingLocale } from "../../i18n/language";
import { t } from "../../i18n/trainerMessages";
import { LabelledInput } from "../../ui/LabelledInput";

// The device's own today: in Suva at 09:30 the UTC date is still yesterday.
const today = () => localCalendarDate(new Date());
const dayInWords = (day: string) => formatCalendarDate(day, formattingLocale());

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
    if (!topic().trim()) return setProblem(t("sayTopic"));
    if (!Number.isInteger(count) || count < 1 || count > 10_000) return setProblem(t("giveAttendees"));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date())) return setProblem(t("giveDate"));
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
    setSavedNote(t("sessionSaved", { topic: topic().trim(), date: dayInWords(date()) }));
    setTopic("");
    setAttendees("");
    setUsed([]);
    setNotes("");
  };

  const materialTitle = (id: string) => (materials() ?? []).find((m) => m.id === id)?.title ?? t("materialGone");

  return (
    <main class="page">
      <p class="eyebrow">
        <Link href="/trainer">{t("shareAndTrain")}</Link>
      </p>
      <h1>{t("inhouseLog")}</h1>
      <p>{t("logExplained")}</p>
      <form class="card" onSubmit={(e) => void save(e)} novalidate>
        <h2>{t("addSession")}</h2>
        <LabelledInput
          id="session-date"
          label={t("date")}
          type="date"
          value={date()}
          max={today()}
          onValue={setDate}
          required
        />
        <LabelledInput
          id="session-topic"
          label={t("topic")}
          type="text"
          maxLength={300}
          value={topic()}
          onValue={setTopic}
          placeholder={t("topicExample")}
          required
        />
        <LabelledInput
          id="session-attendees"
          label={t("attendeeCount")}
          type="number"
          inputmode="numeric"
          min="1"
          value={attendees()}
          onValue={setAttendees}
          required
        />
        <fieldset class="choices">
          <legend class="question-label">{t("materialsUsed")}</legend>
          <Show when={(materials() ?? []).length > 0} fallback={<p class="muted">{t("noMaterialsSaved")}</p>}>
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
        <label for="session-notes">{t("notesOptional")}</label>
        <textarea
          id="session-notes"
          rows={3}
          maxLength={2000}
          value={notes()}
          onInput={(e) => setNotes(e.currentTarget.value)}
        />
        <FormProblem problem={problem()} />
        <button type="submit" class="button primary">
          {t("saveSession")}
        </button>
        {/* Always in the page, so a screen reader announces the sentence when it appears. */}
        <p role="status" data-testid="inhouse-saved">
          {savedNote()}
        </p>
      </form>
      <h2>{t("sessionsOnPhone")}</h2>
      <Show when={(sessions() ?? []).length > 0} fallback={<p class="muted">{t("noneYet")}</p>}>
        <ul class="card-list">
          <For each={sessions()}>
            {(s) => (
              <li class="card" data-testid="inhouse-session">
                <h3>{s.topic}</h3>
                <p class="muted">
                  {dayInWords(s.date)} ·{" "}
                  {s.attendees === 1 ? t("attendeesOne") : t("attendeesOther", { count: s.attendees })}
                </p>
                <Show when={s.materialIds.length > 0}>
                  <p>{t("materialsList", { titles: s.materialIds.map(materialTitle).join("; ") })}</p>
                </Show>
                <Show when={s.notes}>
                  <p>{s.notes}</p>
                </Show>
                <Show
                  when={confirmDelete() === s.id}
                  fallback={
                    <button type="button" class="button small danger" onClick={() => setConfirmDelete(s.id)}>
                      {t("deleteEllipsis")}
                    </button>
                  }
                >
                  <div class="confirm" role="alertdialog" aria-label={t("deleteSessionQuestion")}>
                    <p>{t("deleteSessionFromLog")}</p>
                    <div class="button-row">
                      <button type="button" class="button" onClick={() => setConfirmDelete(undefined)}>
                        {t("keepIt")}
                      </button>
                      <button type="button" class="button danger" onClick={() => void deleteInhouseSession(s.id)}>
                        {t("yesDelete")}
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
