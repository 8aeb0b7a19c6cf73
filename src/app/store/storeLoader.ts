// The door to the phone's database for the first screens: Dexie and the store functions they call come as a chunk of
// their own (startupStore.ts). A phone that has its database loads it at once; a first visit has nothing to restore,
// so the questionnaire opens from the invitation in memory and Dexie arrives after the first question is up, when
// the join and its draft are stored at once (answers typed meanwhile wait in the draft writer, never dropped).
import type { InvitationPayload } from "../../shared/api";
import { whenFirstScreenShown } from "../ui/firstScreen";
import { DATABASE_NAME } from "./databaseName";
import type { Draft } from "./db";
import { startDraft } from "./draftStart";
import type { PersistenceState } from "./persistentStorage";
import type * as StartupStore from "./startupStore";
import type { SurveyContext } from "./surveyContext";

export type Store = typeof StartupStore;

let importing: Promise<Store> | undefined;
const importStore = () => (importing ??= import("./startupStore"));

/** A first visit's joins, kept in memory until stored (then the phone's database is the one copy). */
const held = new Map<string, { context: SurveyContext; persistence: Promise<PersistenceState> }>();
const storing = new Set<Promise<unknown>>();

let hadDatabase: Promise<boolean> | undefined;
/** Whether the phone had our database when the app started (asked once; a browser that cannot say counts as yes). */
export function phoneHadDatabase(): Promise<boolean> {
  return (hadDatabase ??= (async () => {
    if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return true;
    try {
      return (await indexedDB.databases()).some((known) => known.name === DATABASE_NAME);
    } catch {
      return true;
    }
  })());
}

/** The store, once every join held in memory is stored: what is read or written next finds it there. */
export async function loadStore(): Promise<Store> {
  const store = await importStore();
  await Promise.allSettled([...storing]);
  return store;
}

/** For what reads the phone beside the first screen (lists, text size): at once, or after the first screen on a first visit. */
export async function loadStoreBesideFirstScreen(): Promise<Store> {
  if (!(await phoneHadDatabase())) await whenFirstScreenShown();
  return loadStore();
}

/** Whether this invitation is already on the phone, held in memory or stored. */
export async function isJoined(code: string): Promise<boolean> {
  if (held.has(code)) return true;
  if (importing === undefined && !(await phoneHadDatabase())) return false;
  return (await (await loadStore()).getJoined(code)) !== undefined;
}

/**
 * Keeps a fetched invitation: stored at once on a phone whose database is loaded or was there at start; on a
 * first visit held in memory with a new draft, and stored with it after the first screen.
 */
export async function keepJoin(payload: InvitationPayload, now = new Date()): Promise<void> {
  const { campaign, questionnaire } = payload;
  const pinnedHere =
    questionnaire.id === campaign.questionnaireId && questionnaire.version === campaign.questionnaireVersion;
  if (importing !== undefined || !pinnedHere || (await phoneHadDatabase()))
    return (await loadStore()).saveInvitation(payload, now);
  const draft: Draft = startDraft(payload.code, payload, questionnaire, now);
  const stored = whenFirstScreenShown()
    .then(importStore)
    .then((store) => store.storeJoinWithDraft(payload, draft, now))
    .finally(() => {
      held.delete(payload.code);
      storing.delete(stored);
    });
  storing.add(stored);
  // Asked as soon as the draft is on the phone: before, there is nothing of the participant's to keep.
  const persistence = stored.then(importStore).then((store) => store.ensurePersistentStorage());
  const context: SurveyContext = {
    draft,
    definition: questionnaire,
    administrations: [...payload.administrations].sort((a, b) => a.name.localeCompare(b.name)),
    workshopTitle: payload.workshop.title,
    dueOn: campaign.dueOn,
    campaignStatus: campaign.status,
  };
  held.set(payload.code, { context, persistence });
}

/** The questionnaire of a join held in memory (a first visit, before Dexie has loaded). */
export function heldSurvey(code: string) {
  return held.get(code);
}
