/**
 * GET /api/recipient/claims — what every helper of every program records for the recipient's area in a
 * year, one kind at a time (funds, projects, cadres, activities), each with the area's standing on it, and
 * the money claimed against the money the area confirmed arrived (资金到位). Read from each helper's own
 * database; a helper whose database cannot be reached is named, not hidden.
 */
import { createRoute, z } from "@hono/zod-openapi";
import { requireAuth, requireRole } from "../../auth/middleware";
import { areaLabels } from "../../directory/areas";
import { CLAIM_ENTITIES, CLAIMS_PER_HELPER, claimsIn, type Claim } from "../../recipients/claims";
import { helpersOf } from "../../recipients/helpers";
import { sharePercent } from "../../rollup/rollup";
import type { Router } from "../../router";
import { bearer, errors, ok } from "../openapi-common";
import { recipientArea } from "./access";
import { ClaimSchema } from "./schemas";

const route = createRoute({
  method: "get",
  path: "/api/recipient/claims",
  tags: ["recipient"],
  summary: "帮扶方在本地的记录 What every helper records for the recipient's area, with the area's standing on each",
  security: bearer,
  middleware: [requireAuth(), requireRole("recipient")] as const,
  request: {
    query: z.object({
      entity: z.enum(CLAIM_ENTITIES).default("fund"),
      year: z.coerce.number().int().min(2016).max(2100).default(() => new Date().getUTCFullYear()),
      unit: z.string().max(40).optional().openapi({ description: "One helper only" }),
    }),
  },
  responses: {
    200: ok(
      z.object({
        area: z.object({ code: z.string(), fullName: z.string() }),
        helpers: z.array(z.object({ slug: z.string(), name: z.string(), programs: z.array(z.string()) })),
        items: z.array(ClaimSchema),
        truncated: z.array(z.string()).openapi({ description: "Helpers with more records than one answer holds" }),
        unavailable: z.array(z.string()).openapi({ description: "Helpers whose database could not be reached just now" }),
        money: z.object({ claimedFen: z.number().int(), confirmedFen: z.number().int(), disputedFen: z.number().int(), confirmedPercent: z.number().nullable() }),
      }),
      "帮扶方记录 Claims",
    ),
    ...errors(400, 401, 403),
  },
});

export function registerRecipientClaims(app: Router) {
  app.openapi(route, async (c) => {
    const area = recipientArea(c);
    const { entity, year, unit } = c.req.valid("query");
    const services = c.get("services");
    const [helpers, labels] = await Promise.all([helpersOf(services.platform, area), areaLabels(services.platform, [area])]);
    const asked = unit ? helpers.filter((h) => h.slug === unit) : helpers;
    const items: (Claim & { unit: { slug: string; name: string } })[] = [];
    const truncated: string[] = [];
    const unavailable: string[] = [];
    // A county has a handful of helpers: read them side by side.
    await Promise.all(
      asked.map(async (h) => {
        const row = await services.tenants.find(h.slug);
        if (!row) return;
        try {
          const claims = await services.tenants.use(row, ({ db }) => claimsIn(db, entity, area, year));
          if (claims.length > CLAIMS_PER_HELPER) truncated.push(h.slug);
          for (const claim of claims.slice(0, CLAIMS_PER_HELPER)) items.push({ ...claim, unit: { slug: h.slug, name: h.name } });
        } catch (error) {
          services.log.warn("recipient claims: helper unavailable", { unit: h.slug, requestId: c.get("requestId"), error: String(error) });
          unavailable.push(h.slug);
        }
      }),
    );
    items.sort((a, b) => (b.date ?? "").localeCompare(a.date ?? "") || a.unit.slug.localeCompare(b.unit.slug));
    // 资金到位: money the helpers claim they disbursed against what the area confirmed arrived.
    const disbursed = entity === "fund" ? items.filter((i) => i.fields.kind === "disbursement") : [];
    const amount = (i: Claim) => Number(i.fields.amountFen ?? 0);
    const claimedFen = disbursed.reduce((s, i) => s + amount(i), 0);
    const confirmedFen = disbursed.filter((i) => i.standing === "confirmed").reduce((s, i) => s + amount(i), 0);
    const disputedFen = disbursed.filter((i) => i.standing === "disputed").reduce((s, i) => s + amount(i), 0);
    const label = labels.get(area);
    return c.json(
      {
        area: { code: area, fullName: label?.fullName ?? area },
        helpers,
        items,
        truncated,
        unavailable,
        // The same whole-percent share the rollup and the reports print.
        money: { claimedFen, confirmedFen, disputedFen, confirmedPercent: sharePercent(confirmedFen, claimedFen) },
      },
      200,
    );
  });
}
