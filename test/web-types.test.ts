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
import { FUND_KIND } from "../web/src/labels";

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
});
