// What versioned saves share in the routes: who is editing, and the 409 a stale save gets.
import type { Context } from "hono";
import { CHANGED_ELSEWHERE, changedElsewhereMessage, type ChangedElsewhereAnswer } from "../../../shared/editConflicts";
import type { ConsoleEnv } from "../../auth/middleware";
import type { Editor } from "../../db/auditLog";

/** The signed-in organiser, as the audit log and `updated_by` record them. */
export function editorOf<E extends ConsoleEnv>(c: Context<E>): Editor {
  const { id, name } = c.var.session.organiser;
  return { id, name };
}

/** 409 changed_elsewhere: "Changed by … at …", with the record as it now stands for the form to compare. */
export function changedElsewhere<E extends ConsoleEnv>(
  c: Context<E>,
  current: { updatedAt?: string; updatedBy?: string } & Record<string, unknown>,
): Response {
  const answer: ChangedElsewhereAnswer = {
    error: { code: CHANGED_ELSEWHERE, message: changedElsewhereMessage(current) },
    current,
  };
  return c.json(answer, 409);
}
