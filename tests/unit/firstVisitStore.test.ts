// A first visit answers from memory until Dexie has loaded: the join and its draft are stored together once the first
// screen is up, and nothing typed meanwhile is lost. A phone that has its database stores a join at once.
import "fake-indexeddb/auto";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { invitation, INVITATION_CODE } from "./support/fixtures";

/** Fresh modules each time: whether the phone had its database is decided once per start of the app. */
async function startApp() {
  closeStarted();
  vi.resetModules();
  const storeLoader = await import("../../src/app/store/storeLoader");
  const firstScreen = await import("../../src/app/ui/firstScreen");
  const { createBatchWriter } = await import("../../src/app/store/draftWriter");
  const { db } = await import("../../src/app/store/db");
  closeStarted = () => db.close();
  return { ...storeLoader, ...firstScreen, createBatchWriter, db };
}
let closeStarted = () => undefined as void;

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);
/** Lets IndexedDB work (fake-indexeddb schedules with setImmediate) before looking. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

let persistAsks = 0;

beforeEach(async () => {
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase("outrigger");
    request.onsuccess = request.onerror = resolve;
  });
  persistAsks = 0;
  vi.stubGlobal("location", { pathname: `/join/${INVITATION_CODE}` });
  vi.stubGlobal("navigator", {
    storage: {
      persist: async () => {
        persistAsks += 1;
        return true;
      },
    },
  });
});

afterEach(() => {
  closeStarted();
  vi.unstubAllGlobals();
});

it("opens a first visit's questionnaire from the invitation and stores nothing until the first screen is up", async () => {
  const app = await startApp();
  await app.keepJoin(invitation(), new Date("2023-06-02T08:00:00Z"));

  const held = app.heldSurvey(INVITATION_CODE);
  expect(held?.context.draft).toMatchObject({ invitationCode: INVITATION_CODE, answers: { name: "Sione Tupou" } });
  expect(held?.context.definition.id).toBe("follow-up");
  await settle();
  expect(await databaseNames()).not.toContain("outrigger");
  expect(persistAsks).toBe(0);

  app.markFirstScreenShown();
  const store = await app.loadStore();
  expect(await store.getJoined(INVITATION_CODE)).toBeDefined();
  const stored = await app.db.drafts.where("invitationCode").equals(INVITATION_CODE).toArray();
  expect(stored.map((d) => d.id)).toEqual([held?.context.draft.id]);
  expect(await held?.persistence).toBe("granted");
  expect(persistAsks).toBe(1);
  // From now on the phone's database is the one copy.
  expect(app.heldSurvey(INVITATION_CODE)).toBeUndefined();
});

it("writes answers typed before Dexie loaded into the draft once it is stored", async () => {
  const app = await startApp();
  await app.keepJoin(invitation());
  const draftId = app.heldSurvey(INVITATION_CODE)!.context.draft.id;
  const writer = app.createBatchWriter((changes) => app.loadStore().then((s) => s.saveAnswers(draftId, changes)));
  writer.set("position", "Head of Trade Facilitation");
  const flushed = writer.flush();
  await settle();
  expect(await databaseNames()).not.toContain("outrigger");

  app.markFirstScreenShown();
  await flushed;
  expect((await app.db.drafts.get(draftId))?.answers.position).toBe("Head of Trade Facilitation");
});

it("stores a join at once on a phone that already has its database", async () => {
  const earlier = await startApp();
  await earlier.db.open();
  earlier.db.close();

  const app = await startApp();
  await app.keepJoin(invitation());
  expect(app.heldSurvey(INVITATION_CODE)).toBeUndefined();
  expect(await app.db.campaigns.get(INVITATION_CODE)).toBeDefined();
  expect(await app.isJoined(INVITATION_CODE)).toBe(true);
});
