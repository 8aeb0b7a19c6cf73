// GET /api/workshops/:id/materials: the workshop's manifest, signed by the server, for participants holding one of its invitations.
import { Hono } from "hono";
import type { MaterialsManifest } from "../../shared/materials";
import { findWorkshop } from "../db/directory";
import { buildManifest, listMaterials } from "../db/materials";
import { ifNoneMatchHits } from "./byteRange";
import type { AppDeps } from "./context";
import { ApiProblem } from "./errors";
import { forbidden, invitationWorkshopId } from "./workshopAccess";

/** Workshop ids are slugs like fy2223-09-rkc; anything else (dots, slashes, NUL) is refused before any look-up. */
const WORKSHOP_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function materialRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.get("/:id/materials", async (c) => {
    const workshopId = c.req.param("id");
    if (!WORKSHOP_ID.test(workshopId)) throw new ApiProblem(400, "invalid_workshop_id", "This is not a workshop id.");
    const allowed = await invitationWorkshopId(deps, c);
    if (allowed !== workshopId) throw forbidden();
    const workshop = await findWorkshop(deps.db, workshopId);
    if (!workshop) throw new ApiProblem(404, "unknown_workshop", "There is no workshop with this id.");
    // The workshop rides with the list and is signed with it: a pack's "Verified" covers its title and dates too.
    const built = { ...buildManifest(workshopId, await listMaterials(deps.db, workshopId), deps.now()), workshop };
    const manifest: MaterialsManifest = { ...built, signature: deps.signer.sign(built) };
    const etag = `"${manifest.version}"`;
    // private: the manifest is behind an invitation; no-cache: always revalidated, cheaply, with If-None-Match.
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    c.header("Vary", "Authorization");
    if (ifNoneMatchHits(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
    return c.json(manifest);
  });
  return routes;
}
