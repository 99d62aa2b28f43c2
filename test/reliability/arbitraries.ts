/**
 * What the write fuzzer sends (test/reliability/fuzz-writes.test.ts): nasty values — huge strings,
 * SQL, markup, control characters, lone surrogates, overflowing numbers, impossible dates, nested
 * and polluting objects — applied to a valid body as mutations, random JSON, If-Match headers and
 * CSV files.
 */
import fc from "fast-check";

export const HUGE = "长".repeat(100_000);
export const NASTY_STRINGS = [
  "",
  "   ",
  HUGE,
  "x".repeat(5_001),
  "'; DROP TABLE funds; --",
  "1' OR '1'='1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "\u0000\u0001\u0008\u001b\u007f",
  "\ud800",
  "\udfff\ud800",
  "\u202e\u200b\ufeff",
  "😀👨‍👩‍👧‍👦",
  "NaN",
  "Infinity",
  "1e20",
  "-1",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "yesterday",
  "2026-3-5",
  "__proto__",
  "null",
  "true",
  "440232",
  "999999",
  "dongguan-shaoguan",
  "gd-guizhou",
  "=CMD|' /C calc'!A0",
  "${7*7}{{7*7}}",
  "\r\n\r\nHTTP/1.1 200 OK",
];
export const NASTY_NUMBERS = [-1, 0, 1, 1e20, -1e20, 2 ** 53, 2 ** 53 + 2, 2 ** 31, 10_000_000_000_001, 1.5, 0.01, -0.5, 1e-9, 2016, 2100, 2101, 5];
export const NASTY_OTHER: unknown[] = [null, true, false, [], {}, [1, "a", null], { a: { b: { c: [{}] } } }, JSON.parse('{"__proto__":{"polluted":1}}')];

export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_OTHER) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export type Mutation = { kind: "set"; key: string; value: unknown } | { kind: "delete"; key: string };
export const EXTRA_KEYS = ["unknownField", "__proto__", "constructor", "id", "version", "demo", "createdBy", "voidedAt", "status"];

/** The base body with each mutation applied (keys set as own properties, so "__proto__" is sent as a key). */
export function apply(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const m of mutations) {
    if (m.kind === "delete") delete out[m.key];
    else Object.defineProperty(out, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function mutations(base: Record<string, unknown>, keys = Object.keys(base)) {
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), key: fc.constantFrom(...keys, ...EXTRA_KEYS), value: nasty }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), key: fc.constantFrom(...Object.keys(base)) }) },
  );
  return fc.array(mutation, { minLength: 0, maxLength: 4 });
}

/**
 * Mostly a valid body with a few fields broken, sometimes random JSON or a random object. `keys`
 * are the fields a mutation may set (by default the body's own).
 */
export function payload(base: Record<string, unknown>, keys = Object.keys(base)): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: mutations(base, keys).map((ms) => apply(base, ms)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 6 }) },
  );
}

/** If-Match headers: mostly the version read, sometimes stale or malformed (ASCII only: headers must be). */
export function ifMatch(): fc.Arbitrary<(version: number) => string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant((v: number) => `"${v}"`) },
    { weight: 1, arbitrary: fc.constantFrom<(v: number) => string | undefined>((v) => `W/"${v}"`, (v) => String(v), (v) => `"${v + 1}"`, () => undefined, () => "*", () => '"abc"', () => '"99999999999"', () => `"${"9".repeat(2000)}"`, () => '"-1"') },
  );
}

/** One CSV cell, quoted. Objects are written as their JSON text. */
export function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** A CSV import: a header row (field names, sometimes with an unknown or missing column) and 0–4 rows. */
export function csvPayload(base: fc.Arbitrary<Record<string, unknown>>, keys: string[]): fc.Arbitrary<string> {
  const row = base.chain((b) => fc.oneof({ weight: 3, arbitrary: fc.constant(b) }, { weight: 2, arbitrary: mutations(b).map((ms) => apply(b, ms)) }));
  return fc
    .record({
      rows: fc.array(row, { minLength: 0, maxLength: 4 }),
      dropColumn: fc.option(fc.constantFrom(...keys), { nil: undefined }),
      extraColumn: fc.option(fc.constantFrom("unknownColumn", "编号", "作废原因", "__proto__", "<script>"), { nil: undefined }),
      blankLines: fc.boolean(),
    })
    .map(({ rows, dropColumn, extraColumn, blankLines }) => {
      const columns = [...new Set([...keys, ...rows.flatMap((r) => Object.keys(r))])].filter((c) => c !== dropColumn && !EXTRA_KEYS.includes(c));
      if (extraColumn) columns.push(extraColumn);
      const lines = [columns.map(cell).join(",")];
      for (const row of rows) {
        lines.push(columns.map((c) => cell(row[c])).join(","));
        if (blankLines) lines.push(",,,");
      }
      return `${lines.join("\r\n")}\r\n`;
    });
}
