/** Program-wide data (rollups, rule sets) is for the program's coordinators and platform admins only. */
import { createMiddleware } from "hono/factory";
import { ApiError } from "../../errors";
import type { AppEnv } from "../../types";
import { findProgram } from "../../directory/programs";

/** Must run after requireAuth(). Unknown programs answer 404 to admins and 403 to everyone else. */
export function requireProgramAccess() {
  return createMiddleware<AppEnv>(async function requireProgramAccessMiddleware(c, next) {
    const program = c.req.param("program") ?? "";
    const auth = c.get("auth");
    const allowed = auth.role === "admin" || (auth.role === "coordinator" && auth.programs.includes(program));
    if (!allowed) throw new ApiError("FORBIDDEN", "error.forbidden_program");
    if (!(await findProgram(c.get("services").platform, program))) throw new ApiError("NOT_FOUND", "error.program_not_found", { program: program.slice(0, 40) });
    await next();
  });
}
