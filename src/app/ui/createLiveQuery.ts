// Dexie's liveQuery as a Solid signal: screens re-render when the phone's database changes.
import { liveQuery } from "dexie";
import { createSignal, onCleanup, type Accessor } from "solid-js";

export function createLiveQuery<T>(query: () => T | Promise<T>): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  const subscription = liveQuery(query).subscribe({
    next: (result) => setValue(() => result),
    error: (error: unknown) => console.error("Reading from the phone's storage failed", error),
  });
  onCleanup(() => subscription.unsubscribe());
  return value;
}
