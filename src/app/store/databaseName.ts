// The name of the phone's IndexedDB database, and the mark that it exists, apart from Dexie so start-up (and the build,
// which writes index.html's early check) can use them without loading it.
export const DATABASE_NAME = "outrigger";

/**
 * Set in localStorage once the database has opened on this phone (startupStore.ts). index.html reads it before the
 * app's code runs and, when set, starts fetching the store's chunk beside it (vite.config.ts, storeChunkPreloaded).
 */
export const HAS_DATABASE_KEY = "outrigger-has-database";
