/**
 * Faults of a unit's database, told apart from bugs: a file that is not (or no longer) a database,
 * a disk that fails or is full, a server that cannot be reached. Such a fault is the unit's, not the
 * request's: it answers 503, is recorded on the unit (so health and the rollup say so until the
 * next success), and is described by a code and a sentence — never by the driver's text, which can
 * hold SQL and file paths that are no reader's business. The full error goes to the log.
 */
import { eq, sql } from "drizzle-orm";
import { units } from "../../db/platform/schema";
import type { PlatformDb } from "../services";

export type FaultCode = "database_unreadable" | "database_unavailable" | "result_too_large";

/** Faults of one request, not of the unit's database: answered like the others, never recorded on the unit. */
export const REQUEST_FAULTS: ReadonlySet<FaultCode> = new Set(["result_too_large"]);

const PATTERNS: [RegExp, FaultCode][] = [
  // A remote server's response limit (sqld and Turso: 10 MB): the query asked for too much at once.
  [/RESPONSE_TOO_LARGE|Response is too large/i, "result_too_large"],
  [/SQLITE_(NOTADB|CORRUPT)|file is not a database|database disk image is malformed/i, "database_unreadable"],
  [/SQLITE_(IOERR|CANTOPEN|FULL|READONLY|PERM)|unable to open database|disk I\/O error|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|DatabaseTimeoutError|fetch failed|HRANA_WEBSOCKET_ERROR|SERVER_ERROR/i, "database_unavailable"],
];

/** The fault an error is, or null when it is not a database fault (then it is a bug: a 500). */
export function classifyFault(error: unknown): FaultCode | null {
  const text = error instanceof Error ? `${error.name} ${error.message} ${(error as { code?: string }).code ?? ""} ${String((error as { cause?: unknown }).cause ?? "")}` : String(error);
  for (const [pattern, code] of PATTERNS) if (pattern.test(text)) return code;
  return null;
}

/** What a reader is told of a fault, bilingual as error details are. */
export const FAULT_MESSAGES: Record<FaultCode, string> = {
  database_unreadable: "该单位的数据库文件已损坏，无法读取；已记录并请管理员从备份恢复 | The unit's database file is damaged and cannot be read; recorded for the administrator to restore from backup",
  database_unavailable: "暂时无法连接该单位的数据库；已记录，请稍后再试 | The unit's database cannot be reached for now; recorded, please try again later",
  result_too_large: "所查数据量超过单次返回上限；请缩小范围（如按年份、类别筛选或减少每页条数）后重试 | The data asked for exceeds what one response can carry; narrow it (filter by year or kind, or fewer rows per page) and try again",
};

export async function recordFault(platform: PlatformDb, unit: string, code: FaultCode): Promise<void> {
  await platform.update(units).set({ faultCode: code, faultAt: new Date().toISOString() }).where(eq(units.slug, unit));
}

/** After a success: the unit's fault, if one was recorded, is over. */
export async function clearFault(platform: PlatformDb, unit: string): Promise<void> {
  await platform.update(units).set({ faultCode: null, faultAt: null }).where(sql`${units.slug} = ${unit} AND ${units.faultCode} IS NOT NULL`);
}
