/**
 * A report as a DOCX document, written directly as WordprocessingML and zipped with SheetJS's ZIP
 * writer (already in the bundle for spreadsheets), which keeps the Worker small: the official look
 * — 黑体 title and headings, 仿宋 body with two-character indent, ruled tables, A4 margins of the
 * GB/T 9704 style — takes a few hundred bytes of XML, not a document library.
 */
import { fenToWan } from "../ledger/money";
import { zipParts } from "../sheets/xlsx-write";
import { xmlSafe } from "../xml-text";
import { cellText, chineseDate, sectionNumber, type ReportDocument, type ReportTable } from "./document";

/** Escapes text for XML content. */
function x(text: string): string {
  return xmlSafe(text).replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch]!);
}

function run(text: string, opts: { bold?: boolean; size?: number; font?: "hei" | "song"; color?: string } = {}): string {
  const font = opts.font === "hei" ? "SimHei" : "FangSong";
  const props = [
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}"/>`,
    opts.bold ? "<w:b/>" : "",
    opts.color ? `<w:color w:val="${opts.color}"/>` : "",
    opts.size ? `<w:sz w:val="${opts.size}"/><w:szCs w:val="${opts.size}"/>` : "",
  ].join("");
  return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${x(text)}</w:t></w:r>`;
}

function para(content: string, opts: { align?: "center" | "right" | "both"; indent?: boolean; style?: string; spacingAfter?: number } = {}): string {
  const props = [
    opts.style ? `<w:pStyle w:val="${opts.style}"/>` : "",
    `<w:spacing w:after="${opts.spacingAfter ?? 120}" w:line="360" w:lineRule="auto"/>`,
    opts.indent ? '<w:ind w:firstLineChars="200" w:firstLine="640"/>' : "",
    opts.align ? `<w:jc w:val="${opts.align}"/>` : "",
  ].join("");
  return `<w:p><w:pPr>${props}</w:pPr>${content}</w:p>`;
}

function table(t: ReportTable): string {
  const cell = (text: string, opts: { bold?: boolean; right?: boolean; header?: boolean }) =>
    `<w:tc><w:tcPr>${opts.header ? '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' : ""}</w:tcPr>${para(run(text, { bold: opts.bold, size: 21 }), { align: opts.header ? "center" : opts.right ? "right" : undefined, spacingAfter: 0 })}</w:tc>`;
  const numeric = (i: number) => t.rows.some((r) => typeof r[i] === "number" || (r[i] !== null && typeof r[i] === "object"));
  const row = (cells: string, header = false) => `<w:tr>${header ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${cells}</w:tr>`;
  const border = '<w:top w:val="single" w:sz="4" w:color="333333"/><w:left w:val="single" w:sz="4" w:color="333333"/><w:bottom w:val="single" w:sz="4" w:color="333333"/><w:right w:val="single" w:sz="4" w:color="333333"/><w:insideH w:val="single" w:sz="4" w:color="333333"/><w:insideV w:val="single" w:sz="4" w:color="333333"/>';
  return [
    para(run(t.title, { font: "hei", size: 22 }), { align: "center", spacingAfter: 60 }),
    `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>${border}</w:tblBorders></w:tblPr>`,
    row(t.columns.map((c) => cell(c, { bold: true, header: true })).join(""), true),
    ...t.rows.map((r) => row(r.map((c, i) => cell(cellText(c, (f) => fenToWan(f)), { right: numeric(i) })).join(""))),
    ...(t.total ? [row(t.total.map((c, i) => cell(cellText(c, (f) => fenToWan(f)), { bold: true, right: numeric(i) })).join(""))] : []),
    "</w:tbl>",
    para("", { spacingAfter: 60 }),
  ].join("");
}

function documentXml(doc: ReportDocument, meta: { version: number; contentHash: string; demo: boolean }): string {
  const body = [
    para(run(doc.issuer, { font: "hei", size: 44, color: "C00000" }), { align: "center" }),
    para(run(doc.title, { font: "hei", size: 40, bold: true }), { align: "center" }),
    para(run(`${doc.subtitle}${meta.demo ? "（含演示数据）" : ""}`, { size: 24 }), { align: "center" }),
    para(run(`${doc.recipient}：`, { size: 32 })),
    ...doc.sections.flatMap((s, i) => [
      para(run(`${sectionNumber(i)}${s.heading}`, { font: "hei", size: 32 }), { indent: true }),
      ...s.paragraphs.map((p) => para(run(p, { size: 32 }), { indent: true, align: "both" })),
      ...s.tables.map(table),
    ]),
    para(run(doc.issuer, { size: 32 }), { align: "right" }),
    para(run(chineseDate(doc.date), { size: 32 }), { align: "right" }),
    para(run(`金额单位：万元。本报告第 ${meta.version} 版，内容校验值 ${meta.contentHash.slice(0, 16)}。`, { size: 21 })),
  ].join("");
  // A4, margins 37/35/28/26 mm as official documents use (in twentieths of a point).
  const section = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${section}</w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

function coreXml(doc: ReportDocument): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${x(doc.title)}</dc:title><dc:creator>${x(doc.issuer)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${doc.date}T00:00:00Z</dcterms:created></cp:coreProperties>`;
}

export function renderDocx(doc: ReportDocument, meta: { version: number; contentHash: string; demo: boolean }): Uint8Array<ArrayBuffer> {
  return zipParts({
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": RELS,
    "docProps/core.xml": coreXml(doc),
    "word/document.xml": documentXml(doc, meta),
  });
}
