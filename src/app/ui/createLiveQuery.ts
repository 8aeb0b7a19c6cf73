// Dexie's liveQuery as a Solid signal: screens re-render when the phone's database changes. Dexie comes with the
// store's chunk (store/storeLoader.ts), so a screen of the first load does not carry it; undefined until it answers.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { loadStore, type Store } from "../store/storeLoader";

/** `store` says when to load the database (the first screens wait for their first paint on a first visit). */
export function createLiveQuery<T>(
  query: (store: Store) => T | Promise<T>,
  store: () => Promise<Store> = loadStore,
): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(undefined);
  let subscription: { unsubscribe(): void } | undefined;
  let disposed = false;
  void store().then((loaded) => {
    if (disposed) return;
    subscription = loaded
      .liveQuery(() => query(loaded))
      .subscribe({
        next: (result) => setValue(() => result),
        error: (error: unknown) => console.error("Reading from the phone's storage failed", error),
      });
  });
  onCleanup(() => {
    disposed = true;
    subscription?.unsubscribe();
  });
  return value;
}
