// The bench's yardstick: Solid + Dexie + zod/mini + workbox-window rendering one question from IndexedDB,
// nothing else — what an offline cold start costs with the same libraries and no app around them.
import Dexie, { type EntityTable } from "dexie";
import { Show, createResource } from "solid-js";
import { render } from "solid-js/web";
import { Workbox } from "workbox-window";
import * as z from "zod/mini";

const question = z.object({ id: z.string(), label: z.string(), type: z.enum(["text", "choice"]) });
type Question = z.infer<typeof question>;

const db = new Dexie("yardstick") as Dexie & { questions: EntityTable<Question, "id"> };
db.version(1).stores({ questions: "id" });

/** The first online visit stores the question, as joining stores an invitation. */
async function firstQuestion(): Promise<Question> {
  const stored = await db.questions.get("name");
  if (stored) return question.parse(stored);
  const seeded = question.parse({ id: "name", label: "Your name", type: "text" });
  await db.questions.put(seeded);
  return seeded;
}

function App() {
  const [q] = createResource(firstQuestion);
  return (
    <main>
      <h1>About you</h1>
      <Show when={q()}>
        {(shown) => (
          <div data-question={shown().id}>
            <label for="answer">{shown().label}</label>
            <input id="answer" />
          </div>
        )}
      </Show>
    </main>
  );
}

render(() => <App />, document.getElementById("root")!);
if ("serviceWorker" in navigator) void new Workbox("/sw.js").register();
