// /api/console/questionnaires: the stored questionnaire versions a campaign can be opened on.
import { Hono } from "hono";
import type { QuestionnaireVersionList } from "../../../shared/console";
import { requireSession, type ConsoleEnv } from "../../auth/middleware";
import { listQuestionnaireVersions } from "../../db/questionnaires";

export function questionnaireRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get("/", requireSession(), async (c) => c.json({ questionnaires: await listQuestionnaireVersions(c.var.deps.db) } satisfies QuestionnaireVersionList));
  return routes;
}
