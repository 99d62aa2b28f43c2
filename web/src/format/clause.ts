/**
 * A clause as a reader cites it: the document's title and number, then the section —
 * 《东莞韶关继续推进全面帮扶共建三年行动方案（2022—2024年）》（莞韶指〔2022〕1号）§五(一) — not the file
 * name the catalog keys it by. A clause whose file is no program's document is shown as written.
 */
export interface DocumentInfo {
  document?: string;
  name: string;
  docNumber?: string;
}

export function clauseLabel(clause: string, programs: readonly DocumentInfo[]): string {
  // A rule resting on several clauses cites them "file §x; file §y": each is labelled.
  if (clause.includes("; ")) return clause.split("; ").map((c) => clauseLabel(c, programs)).join("；");
  const [file = "", ...rest] = clause.split(" ");
  const doc = programs.find((p) => p.document === file);
  if (!doc) return clause;
  return `《${doc.name}》${doc.docNumber ? `（${doc.docNumber}）` : ""}${rest.join(" ")}`;
}
