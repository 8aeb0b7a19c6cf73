// The demo data seeded on first start, put away and brought back (mounted at /api/console).
//
// | method | path                 | what                                                               | who may call |
// | ------ | -------------------- | ------------------------------------------------------------------ | ------------ |
// | GET    | /demo-data           | whether the demo workshop is there and archived, its codes         | any role     |
// | POST   | /demo-data/archive   | archive it: out of lists, counts and reports; its codes take no reply | organiser |
// | POST   | /demo-data/restore   | bring it back as it was                                            | organiser    |
import { Hono } from "hono";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findDemoDataState, setDemoDataArchived } from "../../db/demoArchive";
import { ApiProblem } from "../errors";

export function demoDataRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();

  routes.get("/demo-data", requireSession(), async (c) => c.json(await findDemoDataState(c.var.deps.db)));

  const setArchived = (archive: boolean) =>
    routes.post(`/demo-data/${archive ? "archive" : "restore"}`, requireOrganiser(), async (c) => {
      const { db, now } = c.var.deps;
      const state = await findDemoDataState(db);
      if (!state.present)
        throw new ApiProblem(
          404,
          "demo_data_not_found",
          "The demo data is not in this database, so there is nothing to archive.",
        );
      // Archiving twice keeps the first time and name: the page says when it was put away.
      if (!archive) await setDemoDataArchived(db, null);
      else if (state.archivedAt === null) await setDemoDataArchived(db, { at: now(), by: c.var.session.organiser.id });
      return c.json(await findDemoDataState(db));
    });
  setArchived(true);
  setArchived(false);

  return routes;
}
