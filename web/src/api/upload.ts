/**
 * Sending a file with its progress told: XMLHttpRequest, since fetch cannot report an upload's bytes.
 * The same headers and the same error envelope as every other call (client.ts).
 */
import { baseHeaders, failure, type Sent } from "./client";

/** Bytes of the request body sent so far, and its total (known once the browser has framed it). */
export type UploadProgress = { sent: number; total: number | null };

/**
 * POSTs a form, reporting the bytes sent as they go, and reads the JSON answer.
 * @example await uploadForm<{ created: number }>("/api/t/dongguan/funds/import", form, (p) => setProgress(p))
 */
export function uploadForm<T>(path: string, form: FormData, onProgress: (p: UploadProgress) => void): Promise<Sent<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    for (const [name, value] of Object.entries(baseHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : null });
    xhr.onerror = () => reject(new TypeError("network error"));
    xhr.onabort = () => reject(new TypeError("aborted"));
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(":");
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      // A Response, so the envelope is read exactly as fetch's answers are.
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers });
      if (!res.ok) return void failure(res, path).then(reject, reject);
      res.json().then((data: T) => resolve({ data, etag: res.headers.get("ETag") }), reject);
    };
    xhr.send(form);
  });
}
