// The raw replies of a fiscal year, ready for export: one sheet per questionnaire version.
import type { QuestionnaireDefinition } from "../../shared/questionnaire";
import type { OutriggerDatabase } from "../db/database";
import { findQuestionnaire } from "../db/questionnaires";
import type { Row } from "./exports";
import { repliesToRows, type ExportReply } from "./replyRows";
import { loadYearData } from "./reportData";

export interface RepliesExport {
  questionnaire: QuestionnaireDefinition;
  replies: ExportReply[];
  rows: Row[];
}

/**
 * Every stored reply of the year's campaigns (superseded ones included, marked "Counted: no"),
 * oldest received first, grouped by the questionnaire version they answer.
 */
export async function loadRepliesExport(db: OutriggerDatabase, fiscalYear: string): Promise<RepliesExport[]> {
  const data = await loadYearData(db, fiscalYear);
  const workshops = new Map(data.workshops.map((w) => [w.id, w]));
  const groups = new Map<string, { id: string; version: number; replies: ExportReply[] }>();
  for (const r of data.storedReplies) {
    const key = `${r.questionnaireId}@${r.questionnaireVersion}`;
    const group = groups.get(key) ?? { id: r.questionnaireId, version: r.questionnaireVersion, replies: [] };
    groups.set(key, group);
    group.replies.push({
      id: r.id,
      workshopId: r.workshopId,
      workshopTitle: workshops.get(r.workshopId)?.title ?? r.workshopId,
      workshopKind: workshops.get(r.workshopId)?.kind,
      workshopMonth: workshops.get(r.workshopId)?.month,
      participatingAdministrations: workshops.get(r.workshopId)?.participatingAdministrations,
      invitedParticipants: workshops.get(r.workshopId)?.invitedParticipants,
      invitationCode: r.invitationCode,
      administrationCode: r.administrationCode,
      submittedAt: r.submittedAt,
      receivedAt: r.receivedAt,
      counted: r.counted,
      answers: r.answers,
    });
  }
  const out: RepliesExport[] = [];
  for (const g of groups.values()) {
    const questionnaire = await findQuestionnaire(db, g.id, g.version);
    if (!questionnaire) continue;
    out.push({ questionnaire, replies: g.replies, rows: repliesToRows(g.replies, questionnaire) });
  }
  return out;
}
