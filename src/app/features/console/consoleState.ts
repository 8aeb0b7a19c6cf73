// Who is signed in to the console, shared by its screens.
import { createSignal } from "solid-js";
import type { ConsoleSession } from "../../../shared/console";
import { consoleRequest, setCsrfToken } from "../../sync/consoleClient";

const [session, setSession] = createSignal<ConsoleSession | null | undefined>(undefined);
export { session };

export function signedIn(value: ConsoleSession | null): void {
  setCsrfToken(value?.csrfToken);
  setSession(value);
}

export async function loadSession(): Promise<void> {
  const result = await consoleRequest<ConsoleSession>("GET", "/session");
  signedIn(result.ok ? result.body : null);
}

export async function signOut(): Promise<void> {
  await consoleRequest("DELETE", "/session");
  signedIn(null);
}

export const canChange = (): boolean => session()?.organiser.role === "organiser";
