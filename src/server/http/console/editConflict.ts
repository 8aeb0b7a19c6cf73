// What versioned saves share in the routes: who is editing, and the 409 a stale save gets.
import type { Context } from "hono";
import {
  CHANGED_ELSEWHERE,
  changedElsewhereMessage,
  recordVersion,
  type ChangedElsewhereAnswer,
} from "../../../shared/editConflicts";
import type { ConsoleEnv } from "../../auth/middleware";
import type { Editor } from "../../db/auditLog";
import { ApiProblem } from "../errors";

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

/**
 * `?revision=N`: the revision a form loaded, for saves whose body is a whole document with no room for it (a draft's
 * definition, report bindings). Missing or not a positive whole number: 400.
 */
export function revisionQuery<E extends ConsoleEnv>(c: Context<E>): number {
  const text = c.req.query("revision") ?? "";
  const parsed = recordVersion.safeParse(/^\d{1,9}$/.test(text) ? Number(text) : undefined);
  if (parsed.success) return parsed.data;
  throw new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", [
    { path: "revision", code: "required", message: "Say which revision the form loaded: ?revision=N." },
  ]);
}
