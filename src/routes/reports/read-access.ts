/** Reading reports: who may read one, and a page of them newest first. */
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import { reports } from "../../../db/platform/schema";
import type { ReportRow } from "../../reports/issue";
import { decideAccess, seesProgram } from "../../tenants/access";
import { programsOf } from "../../directory/unit-programs";
import { reportSummary } from "./render";
import type { AuthInfo } from "../../auth/claims";
import type { PlatformDb } from "../../services";

/** Newest first, a page at a time: the cursor is the last report's issue time and id. */
export async function reportsPage(platform: PlatformDb, where: SQL[], page: { limit: number; cursor?: string | undefined }) {
  const [at, id] = page.cursor ? page.cursor.split("|") : [];
  const after = at && id ? or(lt(reports.issuedAt, at), and(eq(reports.issuedAt, at), lt(reports.id, id))) : undefined;
  const rows = await platform.select().from(reports).where(and(...where, after)).orderBy(desc(reports.issuedAt), desc(reports.id)).limit(page.limit + 1);
  const items = rows.slice(0, page.limit);
  const last = items.at(-1);
  return { items: items.map(reportSummary), nextCursor: rows.length > page.limit && last ? `${last.issuedAt}|${last.id}` : null };
}

/** Unit reports follow the tenant's access rules; program reports are for the program's coordinators and admins. */
export async function mayRead(auth: AuthInfo, report: ReportRow, platform: PlatformDb): Promise<boolean> {
  if (report.unit) {
    const access = decideAccess(auth, report.unit, await programsOf(platform, report.unit));
    return access.read && seesProgram(access, report.program);
  }
  return auth.role === "admin" || (auth.role === "coordinator" && auth.programs.includes(report.program));
}
