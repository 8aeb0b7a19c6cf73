// GET /api/console/audit-log?before=<id>: who changed what in the console, newest first, a page at a time.
// Organisers only: the log names people and shows the values they replaced.
import { Hono } from "hono";
import { AUDIT_LOG_PAGE_SIZE } from "../../../shared/auditLog";
import { requireOrganiser, type ConsoleEnv } from "../../auth/middleware";
import { listAuditLog } from "../../db/auditLog";
import { ApiProblem } from "../errors";

export function auditLogRoutes(): Hono<ConsoleEnv> {
  const routes = new Hono<ConsoleEnv>();
  routes.get("/audit-log", requireOrganiser(), async (c) => {
    const before = c.req.query("before");
    if (before !== undefined && !/^[0-9a-f-]{36}$/.test(before))
      throw new ApiProblem(400, "invalid_request", "`before` is not an entry id of the audit log.");
    return c.json(await listAuditLog(c.var.deps.db, AUDIT_LOG_PAGE_SIZE, before));
  });
  return routes;
}
