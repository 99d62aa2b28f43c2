/**
 * Opens an XLSX (a ZIP archive) without trusting it. The request body limit bounds only the
 * compressed size: a 103 KB file that inflates to 100 MB once froze the server for 40 s. So the
 * central directory's declared sizes are read first (entries, total, ratio), and an entry is inflated
 * only when read, through a bounded stream that stops the moment it passes what its header declared —
 * a file that lies about its sizes is refused after at most the limit, not after all of it.
 * Runs on both runtimes (DecompressionStream is in Node and workerd).
 */
import { ApiError } from "../errors";

/** What an import may inflate to in all: a 20,000-row sheet is about 6 MB of XML. */
export const MAX_INFLATED_BYTES = 48 * 1024 * 1024;
const MAX_ENTRIES = 1_000;
/** XML compresses 5–20×; a ratio beyond this on a sizeable entry is a bomb, not a spreadsheet. */
const MAX_RATIO = 200;
const RATIO_FLOOR_BYTES = 1024 * 1024;

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const refuse = () => new ApiError("PAYLOAD_TOO_LARGE", "error.import_inflates", { max: Math.round(MAX_INFLATED_BYTES / 1024 / 1024) });
const unreadable = () => new ApiError("BAD_REQUEST", "error.import_unreadable");

function centralDirectory(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 64 KiB (after an optional comment).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === 0xffffffff) throw refuse(); // ZIP64: no spreadsheet under our limits needs it
  if (count > MAX_ENTRIES) throw refuse();
  const entries: Entry[] = [];
  let at = start;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw unreadable();
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Inflates one entry's data through a bounded stream; throws once it passes `limit`. */
async function inflate(data: Uint8Array, limit: number): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) throw refuse();
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw unreadable();
  } finally {
    reader.cancel().catch(() => undefined);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A checked archive: its entries' names, and each entry's content, inflated within the limits. */
export interface CheckedZip {
  names: string[];
  /** The entry's bytes, or null if there is none; every read counts against MAX_INFLATED_BYTES. */
  read(name: string): Promise<Uint8Array | null>;
}

/**
 * Opens an archive for reading: refuses (413) one that declares more than the limits, 400 one that
 * is not a readable ZIP. Entries are inflated only when read, each stopping at its declared size.
 */
export function openZip(bytes: Uint8Array): CheckedZip {
  const entries = centralDirectory(bytes);
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (declared > MAX_INFLATED_BYTES) throw refuse();
    if (e.size > RATIO_FLOOR_BYTES && e.size > e.compressed * MAX_RATIO) throw refuse();
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ""), e]));
  let inflated = 0;
  return {
    names: [...byName.keys()],
    async read(name) {
      const e = byName.get(name);
      if (!e) return null;
      if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw unreadable();
      const dataStart = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
      const data = bytes.subarray(dataStart, dataStart + e.compressed);
      let out: Uint8Array;
      if (e.method === 0) out = data;
      else if (e.method === 8) out = await inflate(data, Math.min(e.size, MAX_INFLATED_BYTES - inflated));
      else throw unreadable();
      inflated += out.byteLength;
      if (inflated > MAX_INFLATED_BYTES) throw refuse();
      return out;
    },
  };
}
