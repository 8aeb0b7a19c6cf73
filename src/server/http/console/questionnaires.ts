// /api/console/questionnaires: questionnaire versions and their lifecycle, draft → published → retired.
// A published version never changes: editing one means a new draft copied from it. Organisers write; viewers read.
//
// | method | path                                  | what                                                  | who may call |
// | ------ | ------------------------------------- | ----------------------------------------------------- | ------------ |
// | GET    | /                                     | every stored version with its status                  | any role     |
// | GET    | /:id/versions/:version                | one version, with its definition                      | any role     |
// | POST   | /:id/versions                         | the next draft, copied from a version                 | organiser    |
// | PUT    | /:id/versions/:version?revision=N     | replace a draft's definition (409 if N is stale)      | organiser    |
// | DELETE | /:id/versions/:version                | delete a draft                                        | organiser    |
// | POST   | /:id/versions/:version/publish        | check fully and freeze a draft; answers its hash      | organiser    |
// | POST   | /:id/versions/:version/retire         | no new campaigns on it; old ones keep working         | organiser    |
// (XLSForm import and export: questionnaireXlsform.ts; report bindings: reportBindings.ts.)
import { Hono, type Context } from "hono";
import type { FieldIssue } from "../../../shared/api";
import type { QuestionnaireDefinition } from "../../../shared/questionnaire";
import { withInhouseLogOnQuestion } from "../../../shared/inhouseSuggestion";
import { checkForPublish } from "../../../shared/questionnaireChecks";
import {
  draftDefinition,
  newDraftRequest,
  type QuestionnaireVersionDetail,
  type QuestionnaireVersionList,
  type QuestionnaireVersionResult,
} from "../../../shared/questionnaireVersions";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import {
  deleteDraft,
  draftLastChange,
  findQuestionnaireVersion,
  insertDraft,
  latestPublishedVersion,
  listQuestionnaireVersions,
  nextVersionNumber,
  publishDraft,
  QuestionnaireVersionFrozen,
  retireVersion,
  updateDraft,
} from "../../db/questionnaires";
import type { OutriggerDatabase } from "../../db/database";
import { findReportBindings, saveReportBindings } from "../../db/reportBindings";
import { lostTableWarnings, UNBOUND } from "../../../shared/report/bindings";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { changedElsewhere, editorOf, revisionQuery } from "./editConflict";

/** The :version of the address as a number; anything else is an address with nothing at it. */
export function versionParam(c: Context<ConsoleEnv>): number {
  const text = c.req.param("version") ?? "";
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new ApiProblem(404, "not_found", "There is no such questionnaire version.");
  return Number(text);
}

export async function versionOr404(
  db: OutriggerDatabase,
  id: string,
  version: number,
): Promise<QuestionnaireVersionDetail> {
  const found = await findQuestionnaireVersion(db, id, version);
  if (!found) throw new ApiProblem(404, "not_found", `There is no questionnaire "${id}" version ${version}.`);
  return found;
}

function frozen(error: QuestionnaireVersionFrozen, doing: string): ApiProblem {
  const advice = error.status === "draft" ? "" : " Create a new draft from it instead.";
  return new ApiProblem(
    409,
    "version_frozen",
    `Version ${error.version} of "${error.id}" is ${error.status}, so it cannot be ${doing}.${advice}`,
  );
}

async function refusingFrozen<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QuestionnaireVersionFrozen) throw frozen(error, doing);
    throw error;
  }
}

/** What the report would lose with this version as bound: bindings that do not read, tables the base fed and it does not. */
async function reportTableWarnings(
  db: OutriggerDatabase,
  definition: QuestionnaireDefinition,
  base: QuestionnaireVersionDetail | undefined,
): Promise<FieldIssue[]> {
  const bindings = (await findReportBindings(db, definition.id, definition.version)) ?? UNBOUND;
  const baseBindings = base && (await findReportBindings(db, base.id, base.version));
  return lostTableWarnings(
    definition,
    bindings,
    base && baseBindings ? { definition: base.definition, bindings: baseBindings } : undefined,
  );
}

export function questionnaireRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/", requireSession(), async (c) =>
    c.json({ questionnaires: await listQuestionnaireVersions(c.var.deps.db) } satisfies QuestionnaireVersionList),
  );

  routes.get("/:id/versions/:version", requireSession(), async (c) =>
    c.json(await versionOr404(c.var.deps.db, c.req.param("id"), versionParam(c))),
  );

  routes.post("/:id/versions", requireOrganiser(), jsonBody(newDraftRequest), async (c) => {
    const { db, now } = c.var.deps;
    const id = c.req.param("id");
    const from = c.req.valid("json").fromVersion ?? (await latestPublishedVersion(db, id));
    if (from === undefined)
      throw new ApiProblem(404, "not_found", `Questionnaire "${id}" has no published version to start a draft from.`);
    const source = await versionOr404(db, id, from);
    const version = await nextVersionNumber(db, id);
    await insertDraft(db, {
      // The shipped versions say where the in-house log goes in a data file; the draft says it on its question.
      definition: { ...withInhouseLogOnQuestion(source.definition), version },
      basedOnVersion: source.version,
      by: c.var.session.organiser.id,
      at: now(),
    });
    // The draft reads as its source did until the organiser rebinds it.
    const sourceBindings = await findReportBindings(db, id, source.version);
    if (sourceBindings) await saveReportBindings(db, id, version, sourceBindings, c.var.session.organiser.id, now());
    return c.json(
      { version: await versionOr404(db, id, version), warnings: [] } satisfies QuestionnaireVersionResult,
      201,
    );
  });

  routes.put("/:id/versions/:version", requireOrganiser(), jsonBody(draftDefinition), async (c) => {
    const { db, now } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    const definition = c.req.valid("json");
    const mismatch = [
      definition.id !== id
        ? { path: "id", code: "wrong_id", message: `The definition's id must be "${id}", as in the address.` }
        : undefined,
      definition.version !== version
        ? {
            path: "version",
            code: "wrong_version",
            message: `The definition's version must be ${version}, as in the address.`,
          }
        : undefined,
    ].filter((i) => i !== undefined);
    if (mismatch.length > 0)
      throw new ApiProblem(400, "invalid_request", "Some fields are missing or not valid.", mismatch);
    const expectedRevision = revisionQuery(c);
    const current = await versionOr404(db, id, version);
    const saved = await refusingFrozen("changed", () =>
      updateDraft(db, definition, { expectedRevision, editor: editorOf(c), at: now() }),
    );
    if (!saved) {
      // The draft as it now stands; `version` here is its revision, as every changed_elsewhere answer counts saves.
      const stored = await versionOr404(db, id, version);
      const change = await draftLastChange(db, id, version);
      return changedElsewhere(c, {
        title: stored.title,
        questions: stored.questions,
        definition: stored.definition,
        ...change,
        version: stored.revision,
      });
    }
    // What publishing would refuse, said now, while the draft is being written.
    const base =
      current.basedOnVersion === null ? undefined : await findQuestionnaireVersion(db, id, current.basedOnVersion);
    const check = checkForPublish(definition, base?.definition);
    return c.json({
      version: await versionOr404(db, id, version),
      warnings: [...check.errors, ...check.warnings, ...(await reportTableWarnings(db, definition, base))],
    } satisfies QuestionnaireVersionResult);
  });

  routes.delete("/:id/versions/:version", requireOrganiser(), async (c) => {
    const { db } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    await versionOr404(db, id, version);
    await refusingFrozen("deleted", () => deleteDraft(db, id, version));
    return c.body(null, 204);
  });

  routes.post("/:id/versions/:version/publish", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    const draft = await versionOr404(db, id, version);
    if (draft.status !== "draft")
      throw new ApiProblem(409, "version_frozen", `Version ${version} of "${id}" is already ${draft.status}.`);
    const base =
      draft.basedOnVersion === null ? undefined : await findQuestionnaireVersion(db, id, draft.basedOnVersion);
    const check = checkForPublish(draft.definition, base?.definition);
    if (check.errors.length > 0)
      throw new ApiProblem(
        422,
        "invalid_questionnaire",
        `Version ${version} cannot be published yet: ${check.errors.length} problem(s) to fix.`,
        check.errors,
      );
    await refusingFrozen("published", () => publishDraft(db, id, version, c.var.session.organiser.id, now()));
    return c.json({
      version: await versionOr404(db, id, version),
      warnings: [...check.warnings, ...(await reportTableWarnings(db, draft.definition, base))],
    } satisfies QuestionnaireVersionResult);
  });

  routes.post("/:id/versions/:version/retire", requireOrganiser(), async (c) => {
    const { db, now } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    await versionOr404(db, id, version);
    await refusingFrozen("retired (only a published version can be)", () =>
      retireVersion(db, id, version, c.var.session.organiser.id, now()),
    );
    return c.json({ version: await versionOr404(db, id, version), warnings: [] } satisfies QuestionnaireVersionResult);
  });

  return routes;
}
