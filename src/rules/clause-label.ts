/**
 * A clause as a reader cites it: the document's title and number, then the section in the words of
 * an official citation — 《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）
 * 第五部分第（一）项 — not the file name and § the catalog keys it by. The web's rule cards and
 * structure screen and every report cite clauses through this one function.
 */
export interface DocumentInfo {
  /** The program's document file, as the rules' clauses name it. */
  document?: string;
  name: string;
  docNumber?: string;
}

/** A clause's section as a reader cites it: §14 → 第14条, §五(五) → 第五部分第（五）项, §(二十) → 第（二十）项. */
export function sectionText(clause: string): string {
  const section = clause.split("§")[1] ?? "";
  if (/^\d+$/.test(section)) return `第${section}条`;
  const m = /^([一二三四五六七八九十]+)?(?:\(([^)]+)\))?$/.exec(section);
  if (!m) return section;
  return `${m[1] ? `第${m[1]}部分` : ""}${m[2] ? `第（${m[2]}）项` : ""}`;
}

/** A clause "file §x" (or several, "file §x; file §y") cited by title and number; a file that is no known document's is left as written. */
export function clauseLabel(clause: string, documents: readonly DocumentInfo[]): string {
  if (clause.includes("; ")) return clause.split("; ").map((c) => clauseLabel(c, documents)).join("；");
  const [file = ""] = clause.split(" ");
  const doc = documents.find((p) => p.document === file);
  if (!doc) return clause;
  return `《${doc.name}》${doc.docNumber ? `（${doc.docNumber}）` : ""}${sectionText(clause)}`;
}
