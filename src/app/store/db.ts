// The phone's database (IndexedDB through Dexie). Every table the UI reads lives here; schema changes are new versions.
import Dexie, { type EntityTable } from "dexie";
import type { ApiErrorBody, InvitationPrefill } from "../../shared/api";
import { DATABASE_NAME } from "./databaseName";
import type { Answers } from "../../shared/answers";
import { campaignFromEitherShape, type Campaign } from "../../shared/campaign";
import type { Administration, Workshop } from "../../shared/directory";
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import type { ManifestChanges, Material } from "../../shared/materials";
import type { ParticipantFeedback } from "../../shared/feedback";
import type { RelayedReplyFile } from "../../shared/relay";
import type { PackEntry } from "../../shared/pack";
import type { ManifestSignature } from "../../shared/signing";
import type { Reply, ReplyReceipt } from "../../shared/reply";

/** A campaign this phone joined through an invitation, with what the invitation pre-fills. */
export interface JoinedCampaign {
  invitationCode: string;
  campaign: Campaign;
  prefill: InvitationPrefill;
  joinedAt: string;
  /** Set when a later refresh of the invitation found a change (e.g. the campaign was withdrawn). */
  refreshedAt?: string;
  /** Signs replies exported for someone else to deliver; from the server, kept only on this phone. */
  relayKey?: string;
}

export interface StoredQuestionnaire {
  /** `${id}@${version}`: every version is kept so a draft stays pinned to the one it started on. */
  key: string;
  definition: QuestionnaireDefinition;
}

/** A reply being written. It becomes an outbox entry on submit and keeps the same id all the way. */
export interface Draft {
  id: string;
  invitationCode: string;
  campaignId: string;
  questionnaireId: string;
  questionnaireVersion: number;
  answers: Answers;
  startedAt: string;
  updatedAt: string;
  /** The section the participant was on, so they resume where they left. */
  sectionIndex: number;
  /** Field problems the server reported last time, shown until the participant edits the answer. */
  serverIssues?: ApiErrorBody;
}

export type OutboxState = "waiting" | "sending" | "sent" | "needs_attention";

export interface OutboxEntry {
  id: string;
  reply: Reply;
  state: OutboxState;
  queuedAt: string;
  attempts: number;
  lastAttemptAt?: string;
  /** The server's receipt once it acknowledged the reply. */
  receipt?: ReplyReceipt;
  /** Why the server refused the reply, in its words, for "needs attention". */
  problem?: ApiErrorBody;
}

/** The latest materials manifest of a workshop this phone can see, and what changed at the last update. */
export interface StoredManifest {
  workshopId: string;
  version: string;
  fetchedAt: string;
  materials: Material[];
  /** Differences from the previous version, kept until the participant has seen them. */
  changes?: ManifestChanges;
  changesSeen?: boolean;
  /** The server's signature over this version, carried into packs made on this phone. */
  signature?: ManifestSignature;
  /** The workshop as the server signed it with this list (signature payload 2). */
  workshop?: Workshop;
}

/**
 * A pack imported without a valid signature: kept apart from the library (which holds only what the server or a
 * verified pack vouched for), shown marked "Not verified", and never merged into it. One per workshop, the latest.
 */
export interface UnverifiedPack {
  workshopId: string;
  workshop: Workshop;
  version: string;
  materials: Material[];
  /** Which file (by SHA-256) each material of the pack is. */
  entries: PackEntry[];
  verified: false;
  /** Why it is not verified (no_signature, bad_signature, unknown_key, no_key_cached). */
  reason: string;
  importedAt: string;
}

/** The participant asked for this material to be kept on the phone. */
export interface OfflineChoice {
  materialId: string;
  workshopId: string;
  /** The content the choice currently points at; a manifest update moves it to the new hash. */
  sha256: string;
  /** The complete earlier version, kept readable until the new `sha256` is verified; then it is freed. */
  previousSha256?: string;
  chosenAt: string;
}

export type BlobState = "queued" | "downloading" | "paused" | "verifying" | "complete" | "failed";

/** One file's bytes on the phone, named by content hash so two materials with one file store it once. */
export interface MaterialFile {
  sha256: string;
  size: number;
  contentType: string;
  /** Bytes already in blobChunks, contiguous from 0: a resumed download asks for the rest only. */
  storedBytes: number;
  chunkCount: number;
  state: BlobState;
  /** A plain sentence for the participant when state is "failed" (or a refused download). */
  problem?: string;
  /** Recent download speed, for "time left"; absent when not downloading. */
  bytesPerSecond?: number;
  updatedAt: string;
  completedAt?: string;
}

export interface BlobChunk {
  sha256: string;
  index: number;
  offset: number;
  data: Blob;
}

/** Plain text of a handout, so search works offline over what the phone holds. */
export interface MaterialText {
  sha256: string;
  text: string;
}

/** One in-house session a trainer ran for colleagues, kept on the phone for the follow-up questionnaire. */
export interface InhouseSession {
  id: string;
  /** The day it took place, YYYY-MM-DD. */
  date: string;
  topic: string;
  attendees: number;
  materialIds: string[];
  workshopId?: string;
  notes?: string;
  createdAt: string;
}

export type RelayState = "waiting" | "sending" | "delivered" | "refused";

/** A reply file another participant handed over, to be delivered by this phone when it is online. */
export interface RelayedReply {
  /** The reply's own id: the same file added twice is one entry. */
  id: string;
  file: RelayedReplyFile;
  state: RelayState;
  addedAt: string;
  receipt?: ReplyReceipt;
  problem?: ApiErrorBody;
}

/** What the organiser published for a campaign, kept so it reads offline; one per invitation on the phone. */
export interface PhoneFeedback {
  invitationCode: string;
  etag?: string;
  fetchedAt: string;
  feedback: ParticipantFeedback;
}

export type AttachmentState = "on_phone" | "uploading" | "uploaded" | "failed";

/** A file a participant attached to a reply; uploaded (resumably) once the reply itself is sent. */
export interface PhoneAttachment {
  /** UUID v7 made on the phone; also the upload's id on the server, so a retry is the same upload. */
  id: string;
  /** The draft's id, which stays the reply's id. */
  replyId: string;
  name: string;
  type: string;
  size: number;
  /** The file itself, until the server has all of it. */
  file?: Blob;
  state: AttachmentState;
  uploadUrl?: string;
  bytesUploaded: number;
  /** The server's sentence for a refused file, and its code (src/shared/attachmentRefusalCodes.ts) when it sent one. */
  problem?: string;
  problemCode?: string;
  addedAt: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

export class OutriggerDb extends Dexie {
  campaigns!: EntityTable<JoinedCampaign, "invitationCode">;
  workshops!: EntityTable<Workshop, "id">;
  questionnaires!: EntityTable<StoredQuestionnaire, "key">;
  administrations!: EntityTable<Administration, "code">;
  drafts!: EntityTable<Draft, "id">;
  outbox!: EntityTable<OutboxEntry, "id">;
  meta!: EntityTable<MetaEntry, "key">;
  manifests!: EntityTable<StoredManifest, "workshopId">;
  offlineChoices!: EntityTable<OfflineChoice, "materialId">;
  blobs!: EntityTable<MaterialFile, "sha256">;
  blobChunks!: Dexie.Table<BlobChunk, [string, number]>;
  materialTexts!: EntityTable<MaterialText, "sha256">;
  inhouseSessions!: EntityTable<InhouseSession, "id">;
  relayedReplies!: EntityTable<RelayedReply, "id">;
  feedback!: EntityTable<PhoneFeedback, "invitationCode">;
  attachments!: EntityTable<PhoneAttachment, "id">;
  unverifiedPacks!: EntityTable<UnverifiedPack, "workshopId">;

  constructor(name = DATABASE_NAME) {
    super(name);
    // The whole schema at its latest version: Dexie (3.0 on) upgrades a phone from any earlier one without the
    // earlier declarations, which only need keeping for an upgrade function (none so far). Declaring each of six
    // versions cost every start ~170 ms at 4× CPU throttle. Versions 1–5 added the tables in this order.
    this.version(6).stores({
      campaigns: "invitationCode, campaign.id",
      workshops: "id",
      questionnaires: "key",
      administrations: "code",
      drafts: "id, invitationCode, campaignId",
      outbox: "id, state, reply.invitationCode, reply.campaignId",
      meta: "key",
      manifests: "workshopId",
      offlineChoices: "materialId, workshopId, sha256",
      blobs: "sha256, state",
      blobChunks: "[sha256+index], sha256",
      materialTexts: "sha256",
      inhouseSessions: "id, date",
      relayedReplies: "id, state",
      feedback: "invitationCode",
      attachments: "id, replyId, state",
      unverifiedPacks: "workshopId",
    });
    // Phones that joined before due dates were days keep `dueAt` (an instant); every read sees today's `dueOn`.
    this.campaigns.hook(
      "reading",
      (joined: JoinedCampaign | undefined) =>
        joined && { ...joined, campaign: campaignFromEitherShape(joined.campaign) },
    );
  }
}

export const questionnaireKey = (id: string, version: number): string => `${id}@${version}`;

export const db = new OutriggerDb();
