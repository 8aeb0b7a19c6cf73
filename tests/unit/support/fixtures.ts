// Shared test data: one invitation to the bundled follow-up questionnaire, and answers that pass it.
import type { InvitationPayload } from "../../../src/shared/api";
import type { Answers } from "../../../src/shared/answers";
import type { QuestionnaireDefinition } from "../../../src/shared/questionnaire";
import { followUpV1 } from "../../../src/shared/questionnaires";
import { db, type MaterialFile } from "../../../src/app/store/db";

export const INVITATION_CODE = "DEMO-TO1";

export function invitation(overrides: Partial<InvitationPayload> = {}): InvitationPayload {
  return {
    code: INVITATION_CODE,
    prefill: {
      participantName: "Sione Tupou",
      email: "sione@customs.gov.to",
      administrationCode: "TO",
      position: "Risk management",
    },
    campaign: {
      id: "survey-2023-rkc",
      workshopId: "ws-2023-rkc",
      questionnaireId: followUpV1.id,
      questionnaireVersion: followUpV1.version,
      opensAt: "2023-06-01T00:00:00Z",
      dueOn: "2023-06-22",
      lateRepliesAccepted: true,
      status: "open",
    },
    workshop: {
      id: "ws-2023-rkc",
      title: "Regional Workshop on the Revised Kyoto Convention",
      kind: "regional",
      mode: "in-person",
      fiscalYear: "2022/23",
    },
    questionnaire: followUpV1,
    administrations: [
      { code: "TO", name: "Tonga", subRegion: "pacific-islands" },
      { code: "FJ", name: "Fiji", subRegion: "pacific-islands" },
    ],
    ...overrides,
  };
}

/** A v2 of the follow-up questionnaire with one extra question, as the organiser might publish later. */
export function followUpV2(): QuestionnaireDefinition {
  const v2 = structuredClone(followUpV1);
  v2.version = 2;
  v2.sections[v2.sections.length - 1].questions.push({
    id: "newInV2",
    type: "short_text",
    label: "New in version 2",
    required: true,
  });
  return v2;
}

/** Answers (beyond the prefill) that make the follow-up v1 questionnaire complete. */
export const COMPLETING_ANSWERS: Answers = {
  followUpActions: { choices: ["shared_materials", "inhouse_workshop"] },
  application: "We changed how we profile consignments.",
  directEffects: "no",
  efficiencyImproved: "yes",
  newProjects: "no",
};

export async function resetDb(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
}

/** A material file's row on the phone, queued and empty unless told otherwise. */
export function materialFileRow(sha256: string, overrides: Partial<MaterialFile> = {}): MaterialFile {
  return {
    sha256,
    size: 100,
    contentType: "application/pdf",
    storedBytes: 0,
    chunkCount: 0,
    state: "queued",
    updatedAt: "2023-06-10T10:00:00.000Z",
    ...overrides,
  };
}
