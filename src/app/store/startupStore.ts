// What the first screens (home, join, questionnaire) read and write on the phone, with Dexie: one chunk of its own,
// loaded through storeLoader.ts, so a first visit shows the first question before these bytes arrive.
import { HAS_DATABASE_KEY } from "./databaseName";
import { db } from "./db";

export { liveQuery } from "dexie";
export { getJoined, saveInvitation } from "./campaigns";
export { saveAnswers, setSectionIndex, storeJoinWithDraft, submitDraft } from "./drafts";
export { listJoinedCampaigns } from "./homeOverview";
export { loadStoredForOffline } from "./offlineReadiness";
export { ensurePersistentStorage } from "./persistentStorage";
export { loadSurveyContext } from "./surveyContext";
export { readTextSize } from "./textSize";

// From the next start on, index.html fetches this chunk beside the first screen's code instead of after it.
db.on("ready", () => {
  try {
    localStorage.setItem(HAS_DATABASE_KEY, "1");
  } catch {
    // No localStorage (private mode, tests): the next start loads this chunk after the first screen's code, as before.
  }
});
