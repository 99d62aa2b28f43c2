/**
 * An upload's body as the sheet thread receives it: the raw request bytes and their content type.
 * A multipart form is taken apart here, on the sheet thread, not on the thread serving requests:
 * reading a 20,000-row workbook's form there held it ~45 ms.
 */
import { ApiError } from "../errors";

export interface UploadedFile {
  bytes: Uint8Array;
  filename: string;
}

/** The file of a multipart body (field `file`) or the raw body itself; a body we cannot take apart is a 400. */
export async function uploadedFile(body: Uint8Array, contentType: string): Promise<UploadedFile> {
  if (!contentType.startsWith("multipart/form-data")) return { bytes: body, filename: contentType.includes("csv") ? "upload.csv" : "upload.xlsx" };
  let form: FormData;
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { "content-type": contentType } }).formData();
  } catch {
    // A truncated upload or a multipart body without its boundary.
    throw new ApiError("BAD_REQUEST", "error.import_unreadable");
  }
  const file: unknown = form.get("file");
  if (!(file instanceof File)) throw new ApiError("BAD_REQUEST", "error.import_unreadable");
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name || "upload.xlsx" };
}
