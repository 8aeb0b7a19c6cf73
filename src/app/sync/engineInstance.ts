// The app's one sync engine. Screens may ask it to try now; only it talks to the server.
import { createSyncEngine } from "./syncEngine";

export const syncEngine = createSyncEngine({});

export function requestSync(reason = "user"): void {
  void syncEngine.syncNow(reason);
}
