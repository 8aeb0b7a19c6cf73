// /api/console/administrations: the member administrations list; organisers add new members (e.g. SB, PW) here.
import { Hono } from "hono";
import { newAdministration } from "../../../shared/console";
import { requireOrganiser, requireSession, type ConsoleEnv } from "../../auth/middleware";
import { listAdministrations } from "../../db/directory";
import { ApiProblem } from "../errors";
import { jsonBody } from "../jsonBody";

export function administrationRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get("/", requireSession(), async (c) => c.json({ administrations: await listAdministrations(c.var.deps.db) }));
  routes.post("/", requireOrganiser(), jsonBody(newAdministration), async (c) => {
    const { db } = c.var.deps;
    const input = c.req.valid("json");
    const existing = await db.selectFrom("administrations").select("name").where("code", "=", input.code).executeTakeFirst();
    if (existing) throw new ApiProblem(409, "administration_exists", `The code ${input.code} is already used by ${existing.name}.`);
    await db.insertInto("administrations").values({ code: input.code, name: input.name.trim(), sub_region: input.subRegion }).execute();
    return c.json({ code: input.code, name: input.name.trim(), subRegion: input.subRegion }, 201);
  });
  return routes;
}
