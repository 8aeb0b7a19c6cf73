// What the first screens (home, join, questionnaire) read and write on the phone, with Dexie: one chunk of its own,
// loaded through storeLoader.ts, so a first visit shows the first question before these bytes arrive.
export { liveQuery } from "dexie";
export { getJoined, saveInvitation } from "./campaigns";
export { saveAnswers, setSectionIndex, storeJoinWithDraft, submitDraft } from "./drafts";
export { listJoinedCampaigns } from "./homeOverview";
export { loadStoredForOffline } from "./offlineReadiness";
export { ensurePersistentStorage } from "./persistentStorage";
export { loadSurveyContext } from "./surveyContext";
export { readTextSize } from "./textSize";
