/**
 * The web's ledger is built from the server's declarations (x-duikou-resource in the OpenAPI
 * document, generated into web/src/ledger/resources.gen.ts by every build): what a form offers is
 * exactly what the API takes, so the two cannot drift.
 */
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { LEDGER_RESOURCES } from "../src/ledger/resources";
import type { Services } from "../src/services";
import { ACTIVITIES, ACTIVITY_KIND_FIELDS, FUNDS, NEXT_PROJECT_STATUS, PROJECTS } from "../web/src/ledger/resources";
import { FUND_KIND, INDICATOR_LABELS } from "../web/src/labels";
import { INDICATOR_UNIT } from "../web/src/ledger/indicators.gen";
import { INDICATORS } from "../src/rules/indicators";

describe("the web's ledger definitions", () => {
  it("are the server's fields, choices and labels, from the OpenAPI document", async () => {
    const doc = await (await createApp({} as Services).request("/api/openapi.json")).json();
    const fund = doc.components.schemas.Fund["x-duikou-resource"];
    expect(FUNDS.all.map((f) => f.key)).toEqual(fund.fields.map((f: { key: string }) => f.key));
    const server = LEDGER_RESOURCES.find((r) => r.path === "funds")!;
    expect(Object.keys(FUND_KIND)).toEqual(Object.keys(server.fields.kind!.labels!));
    expect(FUND_KIND.disbursement).toEqual(["拨付（支出）", "Disbursement"]);
    // The sheet's column names its format; the form's label does not.
    expect(server.fields.amountFen!.header).toBe("金额（元）");
    expect(FUNDS.all.find((f) => f.key === "amountFen")!.label).toEqual(["金额", "Amount"]);
    expect(FUNDS.all.find((f) => f.key === "projectId")).toMatchObject({ kind: "ref", ref: "projects", label: ["项目", "Project"] });
  });

  it("carry the server's workflow and each activity kind's figures", () => {
    expect(PROJECTS.fields.some((f) => f.key === "status")).toBe(false);
    expect(PROJECTS.all.some((f) => f.key === "status")).toBe(true);
    expect(NEXT_PROJECT_STATUS.planned).toBe("approved");
    expect(ACTIVITY_KIND_FIELDS.visit).toEqual({ show: ["direction", "leaderLevel", "people"], required: ["leaderLevel", "direction"] });
    expect(ACTIVITY_KIND_FIELDS.purchase!.required).toEqual(["amountFen"]);
    expect(ACTIVITIES.filters).toEqual(["kind", "program", "direction", "leaderLevel"]);
  });

  it("name and measure each annual indicator as the rules' table does, money without a unit in its name", () => {
    // The web shows a money target in 万元 and a report prints it with its unit: a name saying 元 would contradict both.
    for (const indicator of INDICATORS) {
      expect(INDICATOR_UNIT[indicator.key]).toBe(indicator.unit);
      expect(INDICATOR_LABELS[indicator.key]).toBeDefined();
      expect(indicator.label.zh).not.toMatch(/（元）|（分）|万元/);
    }
    expect(Object.keys(INDICATOR_LABELS).sort()).toEqual([...new Set(INDICATORS.map((i) => i.key))].sort());
    expect(INDICATOR_UNIT["funds.town_livelihood"]).toBe("fen");
    expect(INDICATOR_LABELS["funds.town_livelihood"]).toEqual(["每镇街民生帮扶资金", "Livelihood funds per town"]);
  });
});
