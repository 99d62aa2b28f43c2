/**
 * The Content-Disposition of a file the API sends: its name in UTF-8 (`filename*`, RFC 6266) so
 * Chinese names survive, after a plain-ASCII `filename` for clients that read only that.
 * @example c.header("Content-Disposition", contentDisposition("东莞市-资金.xlsx"))
 */
export function contentDisposition(filename: string, as: "attachment" | "inline" = "attachment"): string {
  return `${as}; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
