/**
 * A clerk's loop for activities (demo-editor, 东莞市), all by name: downloads the template, fills a
 * row with the kind, area, program, pairing and sub-unit its dropdowns list, previews and imports it,
 * corrects the imported activity in the edit form (a PATCH with If-Match of what the form shows),
 * then exports — and the sheet names the area, the pairing and the sub-unit beside their ids.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { XLSX } from "../support/sheetjs";
import { byHeader, sheetRows } from "../support/sheet-files";
import { containsText, eventually, hasCount } from "./support/eventually";
import { openPage, shot, signIn, webHarness, YEAR } from "./support/web-harness";

const EDITOR = "demo-editor";
const web = webHarness();

function sheetFile(rows: unknown[][]): { name: string; mimeType: string; buffer: Buffer } {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), "工作台账");
  return { name: "工作台账导入.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: Buffer.from(XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Uint8Array) };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return readFileSync((await file.path())!);
}

describe("a clerk's loop for activities, by name", () => {
  it("template → fill from the dropdowns (pairing and sub-unit too) → preview → import → correct in the form → export by name", async () => {
    const h = web();
    const tag = `台账闭环-${Date.now()}`;
    // A sub-unit and a pairing of its own, so the row names records no other test changes.
    const subUnit = await h.api<{ id: string }>(EDITOR, "POST", "/api/t/dongguan/sub-units", { name: `${tag}中学`, kind: "school" });
    const pairing = await h.api<{ id: string }>(EDITOR, "POST", "/api/t/dongguan/pairings", { kind: "school", counterpart: `${tag}乐昌一中`, areaCode: "440281", startDate: `${YEAR}-01-01`, subUnitId: subUnit.body.id });
    expect([subUnit.status, pairing.status]).toEqual([201, 201]);

    const page = await openPage(h);
    await signIn(page, h, EDITOR);
    await page.goto(`${h.base}/#/u/dongguan/ledger/activities`);
    await page.getByRole("button", { name: "导入", exact: true }).click();
    const template = XLSX.read(await downloaded(page, () => page.getByRole("link", { name: "下载导入模板（.xlsx）" }).click()), { type: "buffer" });
    const [headers] = XLSX.utils.sheet_to_json<string[]>(template.Sheets["工作台账"]!, { header: 1 });
    const lists = XLSX.utils.sheet_to_json<Record<string, string>>(template.Sheets["选项"]!, { defval: null });
    const listed = (header: string) => lists.map((r) => r[header]).filter((v): v is string => Boolean(v));
    const chosen = {
      事项类型: listed("事项类型").find((k) => k === "联席会议")!,
      日期: `${YEAR}-04-01`,
      事项: `${tag} 联席会议`,
      受援地代码: listed("受援地代码").find((a) => a.endsWith("乐昌市"))!,
      所属帮扶工作: listed("所属帮扶工作").find((p) => p.startsWith("东莞韶关"))!,
      结对关系编号: listed("结对关系编号").find((p) => p === `${tag}乐昌一中`)!,
      下属单位编号: listed("下属单位编号").find((s) => s === `${tag}中学`)!,
      备注: tag,
    };
    for (const [header, value] of Object.entries(chosen)) expect(value, header).toBeTruthy();

    await page.locator("#import-file").setInputFiles(sheetFile([headers!, headers!.map((hd) => chosen[hd.replace("*", "") as keyof typeof chosen] ?? null)]));
    const counts = page.getByTestId("import-counts");
    await containsText(counts, "将新增 1 条");
    await containsText(counts, "有误 0 行");
    // The row to add reads by name, the references looked up from the ids the names became.
    const row = page.locator('tr[data-row="2"]');
    await containsText(row, `${tag}乐昌一中`);
    await containsText(row, `${tag}中学`);
    await shot(page, "clerk-loop-01-preview");
    await page.getByRole("button", { name: "确认导入" }).click();
    await page.getByText("已导入 1 条。").waitFor();
    const [imported] = (await h.api<{ items: Record<string, unknown>[] }>(EDITOR, "GET", `/api/t/dongguan/activities?q=${encodeURIComponent(tag)}`)).body.items;
    expect(imported).toMatchObject({ kind: "joint_meeting", areaCode: "440281", program: "dongguan-shaoguan", pairingId: pairing.body.id, subUnitId: subUnit.body.id, version: 1 });
    await page.keyboard.press("Escape");
    await hasCount(page.locator("dialog[open]"), 0);

    // Corrected in the edit form: only the changed title is sent, against the version shown.
    await page.fill("#filter-activities-q", tag);
    await page.locator("#filter-activities-q").press("Enter");
    await containsText(page.locator("table.table tbody"), `${tag} 联席会议`);
    const patches: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];
    page.on("request", (r) => {
      if (r.method() === "PATCH" && r.url().includes(`/activities/${String(imported!.id)}`)) patches.push({ headers: r.headers(), body: r.postDataJSON() });
    });
    await page.getByRole("button", { name: `修改 ${tag} 联席会议` }).click();
    await page.fill("#f-activities-title", `${tag} 联席会议（已更正）`);
    await page.locator("dialog[open]").getByRole("button", { name: "保存" }).click();
    await containsText(page.locator("table.table tbody"), `${tag} 联席会议（已更正）`);
    expect(patches).toHaveLength(1);
    expect(patches[0]!.headers["if-match"]).toBe('"1"');
    expect(patches[0]!.body).toEqual({ title: `${tag} 联席会议（已更正）` });
    await shot(page, "clerk-loop-02-corrected");

    // Exported: the area by full name, the pairing and the sub-unit by name beside their ids.
    const rows = byHeader(sheetRows(await downloaded(page, () => page.getByRole("button", { name: "导出 Excel" }).click())));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      事项: `${tag} 联席会议（已更正）`,
      事项类型: "联席会议",
      受援地: "广东省韶关市乐昌市",
      结对关系编号: pairing.body.id,
      结对关系名称: `${tag}乐昌一中`,
      下属单位编号: subUnit.body.id,
      下属单位名称: `${tag}中学`,
      版本: 2,
    });
    for (const value of Object.values(rows[0]!)) expect(String(value)).not.toMatch(/^\d{6}$|^dongguan-shaoguan$/);
    await eventually(async () => expect(await page.getByRole("button", { name: "导出 Excel" }).isDisabled()).toBe(false));
    await page.context().close();
  });
});
