/**
 * Files behind the API's bearer token (exports, templates, reports): fetched as a blob with the
 * Authorization header, then saved or opened through an object URL.
 */
import { baseHeaders, failure, withQuery } from "./client";

/** The file name from Content-Disposition (RFC 5987 `filename*` first). */
export function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get("Content-Disposition") ?? "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Fetches a protected file. */
export async function fetchBlob(path: string, query: Record<string, string | number | boolean | undefined | null> = {}): Promise<{ blob: Blob; name: string }> {
  const url = withQuery(path, query);
  const res = await fetch(url, { headers: baseHeaders() });
  if (!res.ok) throw await failure(res, path);
  return { blob: await res.blob(), name: fileNameOf(res, path.split("/").pop() ?? "download") };
}

/** Saves a protected file under the name the server gives it. */
export async function download(path: string, query: Record<string, string | number | boolean | undefined | null> = {}, fallbackName?: string): Promise<void> {
  const { blob, name } = await fetchBlob(path, query);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fallbackName && name === path.split("/").pop() ? fallbackName : name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
