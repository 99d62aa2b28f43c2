/**
 * The API contract a generated client relies on: every operation has its own id, every error answer
 * declares the enumerated codes and the request id, and the one envelope holds even before the app
 * exists (a Worker that cannot start).
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { ERROR_STATUS } from "../src/errors";
import { operationIdOf } from "../src/routes/operation-ids";
import type { Services } from "../src/services";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

async function openapi() {
  return (await (await createApp({} as Services).request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> }>>;
    components: { schemas: Record<string, { properties: Record<string, { properties: Record<string, { enum?: string[] }>; required: string[] }> }> };
  };
}

describe("the OpenAPI contract", () => {
  it("gives every operation a unique operationId", async () => {
    const doc = await openapi();
    const ids: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) for (const m of METHODS) if (item[m]) ids.push(item[m]!.operationId ?? `(none: ${m} ${path})`);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => id.startsWith("(none"))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths["/api/t/{unit}/funds/{id}"]!.get!.operationId).toBe("getUnitFundsById");
    expect(operationIdOf("post", "/api/t/{unit}/funds/{id}/void")).toBe("postUnitFundsVoid");
    expect(operationIdOf("get", "/api/t/{unit}/funds/template.xlsx")).toBe("getUnitFundsTemplateXlsx");
  });

  it("declares every 4xx/5xx with the one envelope: enumerated codes and the request id", async () => {
    const doc = await openapi();
    const envelope = doc.components.schemas.Error!.properties.error!;
    expect(envelope.properties.code!.enum!.sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    expect(envelope.required).toEqual(expect.arrayContaining(["code", "message", "details", "requestId"]));
    let declared = 0;
    for (const item of Object.values(doc.paths))
      for (const m of METHODS)
        for (const [status, response] of Object.entries(item[m]?.responses ?? {}))
          if (Number(status) >= 400) {
            expect(response.content?.["application/json"]?.schema.$ref).toBe("#/components/schemas/Error");
            declared++;
          }
    expect(declared).toBeGreaterThan(300);
  });

  it("pages every list one way: ?cursor=&limit= in, { items, nextCursor } out", async () => {
    const doc = (await openapi()) as unknown as {
      paths: Record<string, { get?: { parameters?: { in: string; name: string }[]; responses: Record<string, { content?: Record<string, { schema: { $ref?: string; properties?: Record<string, unknown> } }> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const paged: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const op = item.get;
      if (!op) continue;
      const query = (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      // A list a client pages through takes a limit; one without returns its whole (bounded) set.
      if (!query.includes("limit") && !query.includes("page")) continue;
      const json = op.responses["200"]?.content?.["application/json"];
      if (!json) continue; // a file (an export) is not a page
      const schema = json.schema;
      const body = schema.$ref ? doc.components.schemas[schema.$ref.split("/").at(-1)!]! : schema;
      // A search answers its best hits (`hits`, ranked, capped), not a list to page through.
      if (body.properties?.hits) continue;
      expect({ path, query: query.filter((q) => ["cursor", "limit", "page", "pageSize", "before", "after", "offset"].includes(q)) }).toEqual({ path, query: ["cursor", "limit"] });
      // A composite answer (the rollup: totals, areas and a page of units) carries its page beside the rest.
      const page = (body.properties as Record<string, { properties?: Record<string, unknown> }> | undefined)?.unitsPage;
      expect(Object.keys(page ? { items: 1, ...page.properties } : (body.properties ?? {})), path).toEqual(expect.arrayContaining(["items", "nextCursor"]));
      paged.push(path);
    }
    expect(paged).toEqual(expect.arrayContaining(["/api/areas", "/api/units", "/api/users", "/api/me/inbox", "/api/t/{unit}/audit", "/api/t/{unit}/funds", "/api/programs/{program}/reports"]));
  });

  it("answers a Worker that cannot start with the same envelope, in the client's language", async () => {
    // Imported by a computed path: the Worker's module uses the Workers' global types, which the Node typecheck lacks.
    const entry = "../src/worker";
    const worker = (await import(entry)).default as { fetch(request: Request, env: unknown, ctx: unknown): Promise<Response> };
    const request = (lang: string) => new Request("https://duikou.example/api/health", { headers: { "accept-language": lang } });
    // No JWT secret: the configuration is refused before any route exists.
    const call = (lang: string) => worker.fetch(request(lang), { DUIKOU_ENV: "production" } as never, { waitUntil() {}, passThroughOnException() {} } as never);
    const original = console.error;
    console.error = () => {};
    try {
      const zh = await call("zh-CN");
      expect(zh.status).toBe(503);
      const body = (await zh.json()) as { error: { code: string; message: string; details: unknown[]; requestId: string } };
      expect(body.error).toMatchObject({ code: "UNAVAILABLE", details: [] });
      expect(body.error.message).toContain("服务配置有误");
      expect(body.error.message).toContain(body.error.requestId);
      expect(zh.headers.get("x-request-id")).toBe(body.error.requestId);
      const en = (await (await call("en")).json()) as { error: { message: string } };
      expect(en.error.message).toMatch(/^The service is misconfigured/);
    } finally {
      console.error = original;
    }
  });
});
