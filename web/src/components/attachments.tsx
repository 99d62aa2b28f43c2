/**
 * A record's evidence: its files (name, kind, size, who and when; an image's thumbnail), each downloaded
 * through the API with the session's token, and — for the unit's staff — an upload. The server checks
 * what each file is by its bytes; an image's thumbnail is made here, in the browser, before it is sent.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiFailure, send } from "../api/client";
import { download, fetchBlob } from "../api/download";
import { useApi } from "../api/use-api";
import { dateTime } from "../format/date";
import { fileSize } from "../format/size";
import { t } from "../i18n";
import { Tag } from "./badge";
import { Notice } from "./feedback";

interface Attachment {
  id: string;
  name: string;
  kind: string;
  size: number;
  hasThumbnail: boolean;
  createdAt: string;
  createdBy: string;
  voidedAt: string | null;
}

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx";
const THUMB_EDGE = 240;

/** A JPEG of at most 240 px a side, or null where the browser cannot draw the image. */
async function thumbnailOf(file: File): Promise<Blob | null> {
  if (!/^image\/(png|jpeg|webp)$/.test(file.type)) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, THUMB_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve) => canvas.toBlob((b) => resolve(b), "image/jpeg", 0.8));
  } catch {
    return null;
  }
}

function Thumbnail({ path }: { path: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    fetchBlob(path, { thumbnail: "true" })
      .then(({ blob }) => setUrl((made = URL.createObjectURL(blob))))
      .catch(() => undefined);
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [path]);
  return url ? <img class="attachments__thumb" src={url} alt="" /> : null;
}

/** `record` is the record's API path (its `/attachments` lists them); `fileOf` the download path of one. */
export function Attachments({ record, fileOf, canUpload }: { record: string; fileOf(id: string): string; canUpload: boolean }) {
  const list = useApi<{ items: Attachment[] }>(`${record}/attachments`);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append("file", file, file.name);
      const thumb = await thumbnailOf(file);
      if (thumb) form.append("thumbnail", thumb, "thumbnail.jpg");
      await send("POST", `${record}/attachments`, undefined, { form });
      list.reload();
    } catch (err) {
      setError(err instanceof ApiFailure ? [err.message, ...err.details.map((d) => d.message)].join(" ") : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="attachments" aria-label={t("attach.title")}>
      <h3>{t("attach.title")}</h3>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {list.data && list.data.items.length === 0 ? <p class="muted">{t("attach.none")}</p> : null}
      <ul class="attachments__list">
        {(list.data?.items ?? []).map((a) => (
          <li key={a.id} data-attachment={a.name}>
            {a.hasThumbnail ? <Thumbnail path={fileOf(a.id)} /> : null}
            <button type="button" class="btn btn--link" onClick={() => void download(fileOf(a.id), {}, a.name)}>
              {a.name}
            </button>{" "}
            <span class="muted">
              {a.kind.toUpperCase()} · {fileSize(a.size)} · {a.createdBy} · {dateTime(a.createdAt)}
            </span>{" "}
            {a.voidedAt ? <Tag tone="danger">{t("ledger.voided")}</Tag> : null}
          </li>
        ))}
      </ul>
      {canUpload ? (
        <label class="btn btn--small attachments__upload">
          {busy ? t("attach.uploading") : t("attach.upload")}
          <input
            type="file"
            accept={ACCEPT}
            class="sr-only"
            disabled={busy}
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void upload(file);
              input.value = "";
            }}
          />
        </label>
      ) : null}
      <p class="muted small">{t("attach.help")}</p>
    </section>
  );
}
