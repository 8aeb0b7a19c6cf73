// The name of the phone's IndexedDB database, apart from Dexie so start-up can ask whether it exists yet.
export const DATABASE_NAME = "outrigger";
