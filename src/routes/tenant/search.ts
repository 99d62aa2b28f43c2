/**
 * GET /api/t/{unit}/search?q=&limit= — 全局搜索: records of every ledger table whose searchable text
 * holds q, from the unit's one text index (src/ledger/global-search.ts), each with its kind of record,
 * id, name, date and the text around the match. A reader finds only what its lists would show it.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { searchLedger } from "../../ledger/global-search";
import type { Router } from "../../router";
import { programScope } from "../../tenants/access";
import { bearer, errors, ok, UnitSlugParam } from "../openapi-common";

/** Hits one search answers at most. */
export const MAX_SEARCH_HITS = 50;

const Hit = z
  .object({
    resource: z.enum(["sub-units", "pairings", "projects", "funds", "cadres", "activities", "targets", "submissions"]).openapi({ description: "The ledger list the record is in (its path under /api/t/{unit}/)" }),
    id: z.string(),
    title: z.string().nullable().openapi({ description: "The record's own name; null for funds, targets and submissions (named by kind, amount, year)" }),
    kind: z.string().nullable().openapi({ description: "The choice that names it with the title: a fund's kind, a target's indicator, a project's category…" }),
    amountFen: z.number().int().nullable(),
    year: z.number().int().nullable(),
    quarter: z.number().int().nullable(),
    date: z.string().nullable(),
    program: z.string().nullable(),
    snippet: z.string().openapi({ description: "The searchable text around the first match" }),
  })
  .openapi("SearchHit");

const route = createRoute({
  method: "get",
  path: "/api/t/{unit}/search",
  tags: ["tenant"],
  summary: "全局搜索 Search the unit's whole ledger",
  description: `Live records whose searchable text holds q (a substring; from three characters through the trigram index), newest first within each kind of record, at most ${MAX_SEARCH_HITS}, shared among the kinds that matched.`,
  security: bearer,
  request: {
    params: z.object({ unit: UnitSlugParam }),
    query: z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(MAX_SEARCH_HITS).default(20) }),
  },
  responses: { 200: ok(z.object({ q: z.string(), hits: z.array(Hit) }), "结果 Hits"), ...errors(400, 401, 403, 404) },
});

export function registerTenantSearch(app: Router) {
  app.openapi(route, async (c) => {
    const { q, limit } = c.req.valid("query");
    const { db, access } = c.get("tenant");
    return c.json({ q, hits: await searchLedger(db, q, limit, { personal: access.personal, scope: programScope(access) }) }, 200);
  });
}
