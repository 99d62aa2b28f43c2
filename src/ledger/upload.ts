/** An import's uploaded sheet, as the import and its preview both receive it. */
import type { Context } from "hono";
import type { ParsedImport } from "../sheets/work";
import type { AppEnv } from "../types";
import { importNames } from "./import-names";
import type { ResourceDef } from "./resource";

/**
 * The uploaded sheet, taken apart and parsed on the sheet thread (see sheets/upload-body.ts):
 * multipart field `file`, or the raw body with its content type. The import and its preview both read it here.
 */
export async function parseUpload(c: Context<AppEnv>, def: ResourceDef): Promise<ParsedImport> {
  const body = new Uint8Array(await c.req.arrayBuffer());
  return c.get("services").sheets.parse(def.path, body, c.req.header("content-type") ?? "", await importNames(c.get("services").platform));
}
