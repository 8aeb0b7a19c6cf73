// What every reply is checked against (its campaign, invitation, questionnaire version and the administration codes),
// kept in memory between requests: without it each reply cost four extra queries. Writers forget them (referenceChanges.ts).
import type { Campaign } from "../../shared/campaign";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import { findCampaign } from "./campaigns";
import type { OutriggerDatabase } from "./database";
import { listAdministrationCodes } from "./directory";
import { findInvitation, type Invitation } from "./invitations";
import { findQuestionnaire } from "./questionnaires";
import { changeGeneration } from "./referenceChanges";

/**
 * How long a cached campaign, invitation or code list is believed. Writes in this process forget it at once;
 * the limit only bounds what another process sharing a PostgreSQL database changed meanwhile.
 */
export const REFERENCE_TTL_MS = 5000;

/** Bounds memory when many distinct codes are presented; past it the cache starts over. */
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: Promise<T | undefined>;
  loadedAt: number;
  generation: number;
}

/**
 * One promise per key, shared by concurrent callers. A load begun before a forget…() is never served after it
 * (its generation is old); nothing found is not kept, so a row added a moment later is seen at once.
 */
export class ExpiringCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly currentGeneration: () => number,
    private readonly ttlMs: number | undefined,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** What get() would answer from memory now, or undefined when it would have to load. */
  peek(key: string): Promise<T | undefined> | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== this.currentGeneration()) return undefined;
    return this.ttlMs === undefined || this.clock() - entry.loadedAt < this.ttlMs ? entry.value : undefined;
  }

  get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const remembered = this.peek(key);
    if (remembered) return remembered;
    const now = this.clock();
    const generation = this.currentGeneration();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    const fresh: Entry<T> = { value: load(), loadedAt: now, generation };
    this.entries.set(key, fresh);
    const drop = () => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    };
    fresh.value.then((found) => found === undefined && drop(), drop);
    return fresh.value;
  }
}

export interface ReferenceData {
  campaign(id: string): Promise<Campaign | undefined>;
  invitation(code: string): Promise<Invitation | undefined>;
  /** The invitation if it is in memory (no query), else undefined. */
  rememberedInvitation(code: string): Promise<Invitation | undefined> | undefined;
  questionnaire(id: string, version: number): Promise<QuestionnaireDefinition | undefined>;
  administrationCodes(): Promise<string[]>;
}

const byDatabase = new WeakMap<OutriggerDatabase, ReferenceData>();

/** The cached reference data of one database (one per database handle, so tests' databases never mix). */
export function referenceData(db: OutriggerDatabase): ReferenceData {
  let found = byDatabase.get(db);
  if (!found) byDatabase.set(db, (found = createReferenceData(db)));
  return found;
}

function createReferenceData(db: OutriggerDatabase): ReferenceData {
  const campaigns = new ExpiringCache<Campaign>(() => changeGeneration("campaigns"), REFERENCE_TTL_MS);
  const invitations = new ExpiringCache<Invitation>(() => changeGeneration("invitations"), REFERENCE_TTL_MS);
  // A stored questionnaire version never changes: kept for the life of the process.
  const questionnaires = new ExpiringCache<QuestionnaireDefinition>(() => 0, undefined);
  const administrations = new ExpiringCache<string[]>(() => changeGeneration("administrations"), REFERENCE_TTL_MS);
  return {
    campaign: (id) => campaigns.get(id, () => findCampaign(db, id)),
    invitation: (code) => invitations.get(code, () => findInvitation(db, code)),
    rememberedInvitation: (code) => invitations.peek(code),
    questionnaire: (id, version) => questionnaires.get(`${id}@${version}`, () => findQuestionnaire(db, id, version)),
    administrationCodes: async () => (await administrations.get("", () => listAdministrationCodes(db))) ?? [],
  };
}
