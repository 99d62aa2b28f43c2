/**
 * What an uploaded file is, from its bytes — never from its name or the browser's word: PDF, PNG, JPEG,
 * WebP, Word and Excel (OOXML, and the legacy OLE .doc/.xls governments still send). The name's extension
 * must agree with the content (a script renamed .pdf is refused), a PDF may carry no JavaScript or
 * launch actions, an image is bounded in bytes and in pixels (a decompression bomb is refused before any
 * reader decodes it), and an OOXML archive is opened through the same zip guard as the importer (a zip
 * bomb dressed as .xlsx is refused). Pure: runs on both runtimes.
 */
import { ApiError } from "../errors";
import { openZip } from "../sheets/zip-guard";

export const FILE_KINDS = ["pdf", "png", "jpeg", "webp", "docx", "xlsx", "doc", "xls"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const CONTENT_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
};

/** Which extensions name which kind. */
const EXTENSIONS: Record<string, FileKind> = { pdf: "pdf", png: "png", jpg: "jpeg", jpeg: "jpeg", webp: "webp", docx: "docx", xlsx: "xlsx", doc: "doc", xls: "xls" };

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** 40 megapixels: a phone photo is 12–50 MP raw, but a voucher photo sent through WeChat is under 10. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_THUMBNAIL_BYTES = 200 * 1024;

export const isImage = (kind: FileKind) => kind === "png" || kind === "jpeg" || kind === "webp";

const refused = (message: string, code: string) => new ApiError("UNPROCESSABLE", "error.file_refused", {}, [{ path: "body.file", code, message }]);

const starts = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The kind the bytes themselves say, or null. */
function contentKind(b: Uint8Array): FileKind | "zip" | "ole" | null {
  if (starts(b, ascii("%PDF-"))) return "pdf";
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts(b, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(b, ascii("RIFF")) && starts(b, ascii("WEBP"), 8)) return "webp";
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  return null;
}

/** Width × height from the image's own header (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X), or null if unreadable. */
export function imagePixels(kind: FileKind, b: Uint8Array): number | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (kind === "png") return b.length >= 24 ? v.getUint32(16) * v.getUint32(20) : null;
  if (kind === "webp" && b.length >= 30) {
    const chunk = String.fromCharCode(...b.subarray(12, 16));
    if (chunk === "VP8X") return (1 + (b[24]! | (b[25]! << 8) | (b[26]! << 16))) * (1 + (b[27]! | (b[28]! << 8) | (b[29]! << 16)));
    if (chunk === "VP8L") {
      const bits = v.getUint32(21, true);
      return ((bits & 0x3fff) + 1) * (((bits >> 14) & 0x3fff) + 1);
    }
    if (chunk === "VP8 ") return (v.getUint16(26, true) & 0x3fff) * (v.getUint16(28, true) & 0x3fff);
    return null;
  }
  if (kind === "jpeg") {
    let at = 2;
    while (at + 9 < b.length) {
      if (b[at] !== 0xff) return null;
      const marker = b[at + 1]!;
      const length = v.getUint16(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return v.getUint16(at + 5) * v.getUint16(at + 7);
      at += 2 + length;
    }
    return null;
  }
  return null;
}

/** Whether a PDF name object (`/JS`, not `/JSON`) occurs in the bytes: the next byte ends the name. */
function hasName(b: Uint8Array, name: string): boolean {
  const n = ascii(name);
  outer: for (let i = b.indexOf(n[0]!); i >= 0 && i + n.length <= b.length; i = b.indexOf(n[0]!, i + 1)) {
    for (let k = 1; k < n.length; k++) if (b[i + k] !== n[k]) continue outer;
    const next = b[i + n.length];
    if (next === undefined || !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

export interface Sniffed {
  kind: FileKind;
  contentType: string;
}

/** Checks one upload against its name; throws the clerk-readable reason when it is not what it claims. */
export async function sniff(name: string, bytes: Uint8Array): Promise<Sniffed> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const claimed = EXTENSIONS[ext];
  if (!claimed) throw refused(`不支持的文件类型“.${ext || "?"}”：请上传 PDF、图片（JPG/PNG/WebP）、Word 或 Excel 文件 | Unsupported file type; upload PDF, an image, Word or Excel`, "unsupported_type");
  if (bytes.length === 0) throw refused("文件是空的 | The file is empty", "empty");
  const limit = isImage(claimed) ? MAX_IMAGE_BYTES : MAX_DOCUMENT_BYTES;
  if (bytes.length > limit) throw refused(`文件超过 ${limit / 1024 / 1024} MB，请压缩后再上传 | The file is over ${limit / 1024 / 1024} MB`, "too_large");
  const found = contentKind(bytes);
  const mismatch = () => refused(`文件内容与扩展名“.${ext}”不符，可能已损坏或被改名，未保存 | The content is not a .${ext} file (renamed or damaged); nothing was saved`, "content_mismatch");
  if (found === "zip") {
    if (claimed !== "docx" && claimed !== "xlsx") throw mismatch();
    let zip;
    try {
      zip = openZip(bytes);
    } catch {
      throw refused("压缩内容异常（解压后过大或结构不符），不像是一份 Word/Excel 文件，未保存 | The archive inflates too far or is malformed; nothing was saved", "zip_refused");
    }
    const main = claimed === "docx" ? "word/document.xml" : "xl/workbook.xml";
    if (!zip.names.includes("[Content_Types].xml") || !zip.names.includes(main)) throw mismatch();
    try {
      await zip.read(main);
    } catch {
      throw refused("压缩内容异常（解压后过大或结构不符），不像是一份 Word/Excel 文件，未保存 | The archive inflates too far or is malformed; nothing was saved", "zip_refused");
    }
    return { kind: claimed, contentType: CONTENT_TYPES[claimed] };
  }
  if (found === "ole") {
    if (claimed !== "doc" && claimed !== "xls") throw mismatch();
    return { kind: claimed, contentType: CONTENT_TYPES[claimed] };
  }
  if (found !== claimed) throw mismatch();
  if (found === "pdf") {
    // A voucher or an agreement needs no script: a PDF that would run one, or launch a program, is refused.
    if (["/JavaScript", "/JS", "/Launch"].some((name) => hasName(bytes, name))) throw refused("PDF 文件中含有脚本或启动程序的指令，出于安全原因未保存；请重新导出为普通 PDF | The PDF carries script or launch actions; nothing was saved", "pdf_active_content");
  }
  if (isImage(found)) {
    const pixels = imagePixels(found, bytes);
    if (pixels === null) throw mismatch();
    if (pixels > MAX_IMAGE_PIXELS) throw refused(`图片像素过大（超过 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素），请缩小后再上传 | The image is over ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`, "too_many_pixels");
  }
  return { kind: found, contentType: CONTENT_TYPES[found] };
}
