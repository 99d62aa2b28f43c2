/** Benchmark: importing a 5,000-row XLSX of activities into one tenant, end to end through the API. */
import { createApp } from "../src/app";
import { tokenForUser } from "../src/auth/users";
import { XLSX } from "../test/support/sheetjs";
import type { Services } from "../src/services";
import { users } from "../db/platform/schema";

export interface ImportFigures {
  rows: number;
  fileBytes: number;
  ms: number;
  target: number;
}

export function activitiesWorkbook(rows: number): Uint8Array<ArrayBuffer> {
  const header = ["事项类型", "日期", "事项", "受援地代码", "方向", "人数/人次", "数量（岗位数、场次）"];
  const body = Array.from({ length: rows }, (_, i) => {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    return i % 2 === 0
      ? ["人员交流", `2026-${month}-${day}`, `医务人员交流 ${i}`, "440232", "我方赴/送受援地", 5 + (i % 7), null]
      : ["岗位信息推送", `2026-${month}-${day}`, `岗位推送 ${i}`, "440282", "受援地来/送我方", null, 10 + (i % 50)];
  });
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...body]), "工作台账");
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

export async function benchImport(services: Services, rows = 5000): Promise<ImportFigures> {
  const app = createApp(services);
  const id = `bench-editor-${Date.now()}`;
  await services.platform.insert(users).values({ id, username: id, displayName: "bench", passwordHash: "x", role: "unit_editor", unit: "dongguan" });
  const { token } = await tokenForUser(services.platform, services.config.jwt, id);
  const file = activitiesWorkbook(rows);
  const form = new FormData();
  form.set("file", new File([file], "activities.xlsx"));
  const started = performance.now();
  const res = await app.request("/api/t/dongguan/activities/import", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const ms = performance.now() - started;
  if (res.status !== 201) throw new Error(`import failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  return { rows, fileBytes: file.byteLength, ms, target: 2000 };
}
