/** An import's uploaded sheet, as the import and its preview both receive it. */
import type { Context } from "hono";
import { ApiError } from "../errors";
import type { ParsedImport } from "../sheets/work";
import type { AppEnv } from "../types";
import { importNames } from "./import-names";
import type { ResourceDef } from "./resource";

/**
 * The uploaded sheet, read and parsed on the sheet thread: multipart field `file`, or the raw body
 * with its content type. The import and its preview both read it here.
 */
export async function parseUpload(c: Context<AppEnv>, def: ResourceDef): Promise<ParsedImport> {
  let bytes: Uint8Array;
  let filename = "upload.xlsx";
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let form: Record<string, string | File | (string | File)[]>;
    try {
      form = await c.req.parseBody();
    } catch {
      // A truncated upload or a multipart body without its boundary.
      throw new ApiError("BAD_REQUEST", "error.import_unreadable");
    }
    const file = form.file;
    if (!(file instanceof File)) throw new ApiError("BAD_REQUEST", "error.import_unreadable");
    bytes = new Uint8Array(await file.arrayBuffer());
    filename = file.name || filename;
  } else {
    bytes = new Uint8Array(await c.req.arrayBuffer());
    if (type.includes("csv")) filename = "upload.csv";
  }
  return c.get("services").sheets.parse(def.path, bytes, filename, await importNames(c.get("services").platform));
}
