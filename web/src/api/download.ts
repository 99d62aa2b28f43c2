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

/** The body read chunk by chunk, telling the bytes received so far (a long export's progress). */
async function readCounting(res: Response, onReceived: (bytes: number) => void): Promise<Blob> {
  if (!res.body) return res.blob();
  const reader = res.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    received += value.byteLength;
    onReceived(received);
  }
  return new Blob(parts, { type: res.headers.get("Content-Type") ?? "" });
}

/** Fetches a protected file; `onReceived` hears the bytes received as they arrive. */
export async function fetchBlob(path: string, query: Record<string, string | number | boolean | undefined | null> = {}, onReceived?: (bytes: number) => void): Promise<{ blob: Blob; name: string }> {
  const url = withQuery(path, query);
  const res = await fetch(url, { headers: baseHeaders() });
  if (!res.ok) throw await failure(res, path);
  return { blob: onReceived ? await readCounting(res, onReceived) : await res.blob(), name: fileNameOf(res, path.split("/").pop() ?? "download") };
}

/** Saves a protected file under the name the server gives it. */
export async function download(path: string, query: Record<string, string | number | boolean | undefined | null> = {}, fallbackName?: string, onReceived?: (bytes: number) => void): Promise<void> {
  const { blob, name } = await fetchBlob(path, query, onReceived);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fallbackName && name === path.split("/").pop() ? fallbackName : name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
