// /api/console/questionnaires/:id/versions/:version/report-bindings: which question and options feed each report table.
// Bindings are a reading of the replies, kept beside the version and outside its content hash, so they stay writable
// on a published or retired version: a version published unbound (publish only warns) can be bound afterwards.
//
// | method | path                                         | what                                             | who may call |
// | ------ | -------------------------------------------- | ------------------------------------------------ | ------------ |
// | GET    | /:id/versions/:version/report-bindings        | the bindings, their revision, tables unfed        | any role     |
// | PUT    | …/report-bindings?revision=N                  | replace them; 422 if they do not read, 409 stale  | organiser    |
import { Hono } from "hono";
import {
  bindingIssues,
  MAX_REPORT_BINDINGS_BYTES,
  reportBindings,
  type ReportBindingsResult,
} from "../../../shared/report/bindings";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findReportBindingsRevision, replaceReportBindings } from "../../db/reportBindings";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";
import { changedElsewhere, editorOf, revisionQuery } from "./editConflict";
import { versionOr404, versionParam } from "./questionnaires";

export function reportBindingsRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  const path = "/:id/versions/:version/report-bindings";

  routes.get(path, requireSession(), async (c) => {
    const { db } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    const { definition } = await versionOr404(db, id, version);
    const { bindings, version: revision } = (await findReportBindingsRevision(db, id, version))!;
    return c.json({ bindings, revision, problems: bindingIssues(definition, bindings) } satisfies ReportBindingsResult);
  });

  routes.put(path, requireOrganiser(), jsonBody(reportBindings, { maxBytes: MAX_REPORT_BINDINGS_BYTES }), async (c) => {
    const { db, now } = c.var.deps;
    const [id, version] = [c.req.param("id"), versionParam(c)];
    const expectedRevision = revisionQuery(c);
    const { definition } = await versionOr404(db, id, version);
    const bindings = c.req.valid("json");
    const problems = bindingIssues(definition, bindings);
    if (problems.length > 0)
      throw new ApiProblem(
        422,
        "invalid_report_bindings",
        `These bindings do not match version ${version}: ${problems.length} problem(s) to fix.`,
        problems,
      );
    const saved = await replaceReportBindings(db, id, version, bindings, {
      expectedRevision,
      editor: editorOf(c),
      at: now(),
    });
    const stored = (await findReportBindingsRevision(db, id, version))!;
    if (!saved) return changedElsewhere(c, stored);
    return c.json({ bindings, revision: stored.version, problems: [] } satisfies ReportBindingsResult);
  });

  return routes;
}
