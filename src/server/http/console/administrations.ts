// /api/console/administrations: the member administrations list; organisers add new members (e.g. SB, PW) here.
import { Hono } from "hono";
import { newAdministration } from "../../../shared/console";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { findAdministrationName, insertAdministration, listAdministrations } from "../../db/directory";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

export function administrationRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get("/", requireSession(), async (c) => c.json({ administrations: await listAdministrations(c.var.deps.db) }));
  routes.post("/", requireOrganiser(), jsonBody(newAdministration), async (c) => {
    const { db } = c.var.deps;
    const input = c.req.valid("json");
    const existingName = await findAdministrationName(db, input.code);
    if (existingName !== undefined)
      throw new ApiProblem(409, "administration_exists", `The code ${input.code} is already used by ${existingName}.`);
    const administration = { code: input.code, name: input.name.trim(), subRegion: input.subRegion };
    await insertAdministration(db, administration);
    return c.json(administration, 201);
  });
  return routes;
}
