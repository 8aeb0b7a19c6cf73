// What every route needs: the database and the clock (injectable so tests can move time).
import type { OutriggerDatabase } from "../db/database";

export interface AppDeps {
  db: OutriggerDatabase;
  now: () => Date;
}
