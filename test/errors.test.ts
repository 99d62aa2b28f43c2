import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickLang, t } from "../src/i18n";
import { LEDGER_RESOURCES } from "../src/ledger/resources";
import { en } from "../src/i18n/en";
import { zhCN } from "../src/i18n/zh-CN";
import { call, startHarness, type Harness } from "./support/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A route that fails unexpectedly, as a bug would.
  h.app.get("/api/__boom", () => {
    throw new Error("secret internals: password=hunter2 at /srv/db.ts:42");
  });
});
afterAll(() => h.close());

describe("the error envelope", () => {
  it("answers an unknown route with a 404 JSON envelope", async () => {
    const res = await call(h, "GET", "/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "接口不存在：/api/does-not-exist", details: [], requestId: res.headers.get("x-request-id") } });
  });

  it("answers an unexpected failure with 500, a request id that is also logged, and nothing from inside", async () => {
    const res = await call(h, "GET", "/api/__boom");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("db.ts");
    const { error } = JSON.parse(text);
    expect(error.code).toBe("INTERNAL");
    expect(error.requestId).toBe(res.headers.get("x-request-id"));
    expect(error.message).toContain(error.requestId);
    expect(h.logs.some((line) => line.includes(error.requestId) && line.includes("unhandled error"))).toBe(true);
  });

  it("answers malformed JSON with 400, in English when the client prefers it", async () => {
    const res = await call(h, "POST", "/api/auth/login", { body: "{not json", headers: { "accept-language": "en-US,en;q=0.9,zh;q=0.5" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "BAD_REQUEST", message: "The request body is not valid JSON." });
  });

  it("names a missing field as required, in Chinese by default", async () => {
    const res = await call(h, "POST", "/api/auth/login", { body: { username: "x" } });
    const { error } = await res.json();
    expect(error.details).toEqual([{ path: "body.password", code: "invalid_type", message: "此项为必填项" }]);
  });

  it("refuses an oversized body with 413", async () => {
    const res = await call(h, "POST", "/api/auth/login", { body: JSON.stringify({ username: "x".repeat(17 * 1024 * 1024), password: "y" }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("serves the OpenAPI document with every route and the docs page", async () => {
    const doc = await (await call(h, "GET", "/api/openapi.json")).json();
    const paths = Object.keys(doc.paths);
    for (const path of ["/api/areas", "/api/auth/login", "/api/health", "/api/me", "/api/programs", "/api/programs/{program}", "/api/programs/{program}/groups", "/api/t/{unit}", "/api/t/{unit}/audit", "/api/units", "/api/t/{unit}/submissions/{id}/submit", "/api/t/{unit}/submissions/{id}/reopen", "/api/t/{unit}/targets/prefill"]) {
      expect(paths).toContain(path);
    }
    for (const resource of LEDGER_RESOURCES) {
      const base = `/api/t/{unit}/${resource.path}`;
      expect(Object.keys(doc.paths[base])).toEqual(expect.arrayContaining(["get", "post"]));
      expect(Object.keys(doc.paths[`${base}/{id}`])).toEqual(expect.arrayContaining(["get", "patch"]));
      for (const extra of ["/export", "/template.xlsx"]) expect(paths).toContain(`${base}${extra}`);
      if (resource.customWrites) continue;
      for (const extra of ["/{id}/void", "/import"]) expect(paths).toContain(`${base}${extra}`);
      // The create body is documented with its fields.
      const ref: string = doc.paths[base].post.requestBody.content["application/json"].schema.$ref;
      const create = doc.components.schemas[ref.split("/").at(-1)!];
      expect(Object.keys(create.properties).sort()).toEqual(Object.keys(resource.fields).sort());
    }
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    const docs = await call(h, "GET", "/api/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/openapi.json");
  });
});

describe("messages", () => {
  it("has every key in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it.each([
    [undefined, "zh-CN"],
    ["en", "en"],
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["en-GB;q=0.9, zh-TW;q=0.4", "en"],
    ["fr-FR", "zh-CN"],
  ])("picks %s → %s", (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });

  it("fills placeholders", () => {
    expect(t("zh-CN", "error.unit_not_found", { unit: "acme" })).toBe("未找到该帮扶单位：acme");
  });
});
