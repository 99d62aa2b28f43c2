/**
 * Builds the HTTP app. Knows nothing of its runtime: the entry hands it the services (database
 * connections, configuration, logger) it was started with. No side effects at import.
 */
import { nameOperations } from "./routes/operation-ids";
import { swaggerUI } from "@hono/swagger-ui";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { refuseCrossSiteCookieWrites } from "./auth/csrf";
import { requireAuth } from "./auth/middleware";
import { SESSION_COOKIE } from "./auth/session-cookie";
import { LEDGER_RESOURCES } from "./ledger/resources";
import { registerLedgerRoutes } from "./routes/ledger";
import { ApiError, errorResponse, handleError } from "./errors";
import { pickLang } from "./i18n";
import { createRouter, type Router } from "./router";
import { registerLogin } from "./routes/auth/login";
import { registerLogout } from "./routes/auth/logout";
import { registerAreaHelpers } from "./routes/areas/helpers";
import { registerListAreas } from "./routes/areas/list";
import { registerHealth } from "./routes/health/get";
import { registerMe } from "./routes/me/get";
import { registerChangePassword } from "./routes/me/password";
import { registerInbox } from "./routes/me/inbox";
import { registerWebhooks } from "./routes/webhooks";
import { registerRecipientClaims } from "./routes/recipient/claims";
import { registerRecipientThread } from "./routes/recipient/thread";
import { registerRecipientVerdict } from "./routes/recipient/verdict";
import { registerRecipientAttachments } from "./routes/recipient/attachments";
import { registerRecordThread } from "./routes/tenant/thread";
import { registerAttachments } from "./routes/tenant/attachments";
import { registerGetProgram } from "./routes/programs/get";
import { registerListGroups } from "./routes/programs/groups";
import { registerMembers } from "./routes/programs/members";
import { registerGroupCounties } from "./routes/programs/counties";
import { registerGroupWrites } from "./routes/programs/group-writes";
import { registerParticipants } from "./routes/programs/participants";
import { registerProgramWrites } from "./routes/programs/write";
import { registerRemind } from "./routes/programs/remind";
import { registerAreaWrites } from "./routes/areas/writes";
import { registerListPrograms } from "./routes/programs/list";
import { registerGetReport } from "./routes/reports/get";
import { registerProgramReport } from "./routes/reports/program-get";
import { registerProgramReports } from "./routes/reports/program-list";
import { registerRunReports } from "./routes/reports/run";
import { registerUnitReport } from "./routes/reports/unit-get";
import { registerUnitReports } from "./routes/reports/unit-list";
import { registerRollupDrillDown } from "./routes/rollup/drill-down";
import { registerRollup } from "./routes/rollup/get";
import { registerRollupTrends } from "./routes/rollup/trends";
import { registerListRules } from "./routes/rules/list";
import { registerPutRule } from "./routes/rules/put";
import { registerTenantAlerts } from "./routes/tenant/alerts";
import { registerTenantAudit } from "./routes/tenant/audit";
import { registerTenantSummary } from "./routes/tenant/summary";
import { registerTenantSearch } from "./routes/tenant/search";
import { registerCompliance } from "./routes/tenant/compliance";
import { registerEvidence } from "./routes/tenant/evidence";
import { registerGetTenant } from "./routes/tenant/get";
import { registerSubmissionRoutes } from "./routes/tenant/submissions";
import { registerTargetsPrefill } from "./routes/tenant/targets-prefill";
import { registerCreateUnit } from "./routes/units/create";
import { registerListUnits } from "./routes/units/list";
import { registerCreateUser } from "./routes/users/create";
import { registerGetUser } from "./routes/users/get";
import { registerListUsers } from "./routes/users/list";
import { registerUpdateUser } from "./routes/users/update";
import type { Services } from "./services";
import { tenantContext } from "./tenants/middleware";
import { findXmlInvalid, XML_INVALID_MESSAGE } from "./xml-text";

/** Largest request body accepted (spreadsheet imports are the largest). */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export const API_VERSION = "0.1.0";

/**
 * @example const app = createApp(services); await app.request("/api/health")
 */
export function createApp(services: Services): Router {
  const app = createRouter();

  app.use("*", requestId());
  app.use("*", async function context(c, next) {
    c.set("services", services);
    c.set("lang", pickLang(c.req.header("accept-language")));
    await next();
  });
  app.use("/api/*", secureHeaders());
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => errorResponse(c, new ApiError("PAYLOAD_TOO_LARGE", "error.payload_too_large")),
    }),
  );
  // Before any route reads or writes: a write riding on the web's session cookie must come from our pages.
  app.use("/api/*", refuseCrossSiteCookieWrites());
  // Every JSON body, whatever its route: no string may hold a character XML cannot carry (a report
  // or an export would break on it). Malformed JSON is left to the route's validator to answer.
  app.use("/api/*", async function refuseXmlInvalid(c, next) {
    if (c.req.method !== "GET" && (c.req.header("content-type") ?? "").includes("json")) {
      const body = await c.req.json().catch(() => undefined);
      const path = findXmlInvalid(body);
      if (path) throw new ApiError("VALIDATION_FAILED", "error.validation", {}, [{ path, code: "invalid_character", message: XML_INVALID_MESSAGE }]);
    }
    await next();
  });
  app.use("/api/t/:unit", requireAuth(), tenantContext());
  app.use("/api/t/:unit/*", requireAuth(), tenantContext());

  registerHealth(app);
  registerLogin(app);
  registerLogout(app);
  registerMe(app);
  registerChangePassword(app);
  registerInbox(app);
  registerWebhooks(app);
  registerListPrograms(app);
  registerGetProgram(app);
  registerListGroups(app);
  registerGroupWrites(app);
  registerGroupCounties(app);
  registerMembers(app);
  registerParticipants(app);
  registerProgramWrites(app);
  registerRemind(app);
  registerListAreas(app);
  registerAreaWrites(app);
  registerAreaHelpers(app);
  registerListUnits(app);
  registerCreateUnit(app);
  registerListUsers(app);
  registerGetUser(app);
  registerCreateUser(app);
  registerUpdateUser(app);
  registerGetTenant(app);
  registerTenantAudit(app);
  registerCompliance(app);
  registerEvidence(app);
  registerTenantAlerts(app);
  registerTenantSummary(app);
  registerTenantSearch(app);
  registerRecordThread(app);
  registerAttachments(app);
  registerRecipientClaims(app);
  registerRecipientVerdict(app);
  registerRecipientThread(app);
  registerRecipientAttachments(app);
  registerUnitReports(app);
  registerUnitReport(app);
  registerProgramReports(app);
  registerProgramReport(app);
  registerGetReport(app);
  registerRunReports(app);
  registerRollup(app);
  registerRollupDrillDown(app);
  registerRollupTrends(app);
  registerListRules(app);
  registerPutRule(app);
  // Specific routes before the generic ones, whose /{id} would otherwise match "prefill".
  registerTargetsPrefill(app);
  registerSubmissionRoutes(app);
  registerLedgerRoutes(app, LEDGER_RESOURCES);

  nameOperations(app);
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "网页的会话 Cookie（登录时 cookie: true）The web's session cookie (sign in with cookie: true); writes must come from the same origin",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "对口 duikou API",
      version: API_VERSION,
      description: "对口支援 / 对口帮扶 / 东西部协作 — pairings, funds, projects, cadres, ledger, rules, rollups and reports.",
    },
  });
  app.get("/api/docs", swaggerUI({ url: "/api/openapi.json", title: "对口 duikou API" }));

  app.notFound((c) => errorResponse(c, new ApiError("NOT_FOUND", "error.route_not_found", { path: c.req.path.slice(0, 200) })));
  app.onError(handleError);
  return app;
}
