// Where most console tests start, made through the console's own API: a seeded app, an organiser (and a viewer)
// signed in, a workshop with its participants and a follow-up campaign with one invitation each.
import type { Hono } from "hono";
import { afterAll, beforeAll, expect } from "vitest";
import type { z } from "zod";
import {
  campaignDetail,
  consoleWorkshop,
  type CampaignDetail,
  type newWorkshop,
  type OrganiserRole,
} from "../../../src/shared/console";
import type { OutriggerDatabase } from "../../../src/server/db/database";
import { createApp, type AppOptions } from "../../../src/server/http/app";
import { addOrganiser, consoleRequest, signIn, type SignedIn } from "./consoleClient";
import { openSeededDatabase, type Engine } from "./testDatabase";

export type SeededDatabase = Awaited<ReturnType<typeof openSeededDatabase>>;

/** A migrated, seeded database for the engine and the app over it, driven with app.request(). */
export async function seededApp(
  engine: Engine,
  now: () => Date,
  options: Omit<AppOptions, "db" | "now"> = {},
): Promise<{ ctx: SeededDatabase; app: Hono }> {
  const ctx = await openSeededDatabase(engine, now());
  return { ctx, app: createApp({ db: ctx.db, now, ...options }) };
}

/** A new console account (password TEST_PASSWORD), signed in. */
export async function signedInOrganiser(
  db: OutriggerDatabase,
  app: Hono,
  now: Date,
  email = "org@example.org",
  role: OrganiserRole = "organiser",
  name?: string,
): Promise<SignedIn> {
  await addOrganiser(db, email, role, now, name);
  return signIn(app, email);
}

/** The organiser org@example.org and the read-only viewer@example.org, both signed in. */
export async function organiserAndViewer(
  db: OutriggerDatabase,
  app: Hono,
  now: Date,
): Promise<{ me: SignedIn; viewer: SignedIn }> {
  const me = await signedInOrganiser(db, app, now);
  const viewer = await signedInOrganiser(db, app, now, "viewer@example.org", "viewer");
  return { me, viewer };
}

export interface ParticipantInput {
  name: string;
  administrationCode: string;
  email: string;
  position?: string;
}

export interface WorkshopSetup extends Partial<z.input<typeof newWorkshop>> {
  title: string;
  participants: ParticipantInput[];
}

/**
 * A workshop (sub-regional, in person, 14–18 Aug 2023 and the participants' administrations unless told otherwise)
 * and its participants, each answered 201.
 */
export async function workshopWithParticipants(
  app: Hono,
  me: SignedIn,
  { participants, ...workshop }: WorkshopSetup,
): Promise<string> {
  const administrationCodes = [...new Set(participants.map((p) => p.administrationCode))];
  const ws = await consoleRequest(app, "POST", "/api/console/workshops", me, {
    kind: "sub-regional",
    mode: "in-person",
    startsOn: "2023-08-14",
    endsOn: "2023-08-18",
    administrationCodes,
    ...workshop,
  });
  expect(ws.status).toBe(201);
  const workshopId = consoleWorkshop.parse(await ws.json()).id;
  for (const p of participants)
    expect((await consoleRequest(app, "POST", `/api/console/workshops/${workshopId}/participants`, me, p)).status).toBe(
      201,
    );
  return workshopId;
}

/** The same, then a campaign opened on it (with `campaign` as the request body) and one invitation per participant. */
export async function workshopWithCampaign(
  app: Hono,
  me: SignedIn,
  setup: WorkshopSetup & { campaign?: object },
): Promise<{ workshopId: string; campaign: CampaignDetail; code(administration: string): string }> {
  const { campaign: campaignBody = {}, ...workshop } = setup;
  const workshopId = await workshopWithParticipants(app, me, workshop);
  const res = await consoleRequest(app, "POST", `/api/console/workshops/${workshopId}/campaigns`, me, campaignBody);
  expect(res.status).toBe(201);
  const campaign = campaignDetail.parse(await res.json());
  return {
    workshopId,
    campaign,
    code: (administration) => campaign.invitations.find((i) => i.administrationCode === administration)!.code,
  };
}

/** FY 2025/26's one workshop of the report-year tests: four administrations, Fiji's participant invited. */
export const PACIFIC_RISK_WORKSHOP: WorkshopSetup = {
  title: "Sub-regional Workshop on Risk Management for the Pacific",
  kind: "sub-regional",
  mode: "in-person",
  startsOn: "2025-09-08",
  endsOn: "2025-09-12",
  administrationCodes: ["FJ", "TO", "VU", "WS"],
  participants: [{ name: "Mereani Tuilau", administrationCode: "FJ", email: "mereani@example.org" }],
};

export interface SeededConsole {
  ctx: SeededDatabase;
  app: Hono;
  /** The organiser org@example.org (with `signIn`); a test may replace it with a newer sign-in. */
  me: SignedIn;
  /** The read-only viewer@example.org (with `signIn: "organiser and viewer"`). */
  viewer: SignedIn;
}

/**
 * Registers the enclosing describe block's beforeAll and afterAll: a seeded app for the engine and, as asked, the
 * organiser (and viewer) signed in; the database is closed after the block. The object is filled in by that
 * beforeAll, which runs before the block's own, so read it inside hooks and tests only.
 */
export function seededConsole(
  engine: Engine,
  now: () => Date,
  {
    signIn = "none",
    ...options
  }: Omit<AppOptions, "db" | "now"> & { signIn?: "none" | "organiser" | "organiser and viewer" } = {},
): SeededConsole {
  const seeded = {} as SeededConsole;
  beforeAll(async () => {
    Object.assign(seeded, await seededApp(engine, now, options));
    if (signIn === "organiser") seeded.me = await signedInOrganiser(seeded.ctx.db, seeded.app, now());
    if (signIn === "organiser and viewer")
      Object.assign(seeded, await organiserAndViewer(seeded.ctx.db, seeded.app, now()));
  });
  afterAll(() => seeded.ctx?.close());
  return seeded;
}
