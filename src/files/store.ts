/**
 * Where evidence files live, per tenant and never in the shared platform database: R2 on Workers, files
 * under DATA_DIR on Node (in memory for an in-memory deployment). Keys are `<unit>/<attachment id>`
 * (and `.thumb` for an image's thumbnail); what a file is and who may read it is in the tenant's own
 * `attachments` table.
 */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

export interface FileStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
}

/** A store in memory (tests with DATA_DIR=:memory:, and nowhere else). */
export function memoryFileStore(): FileStore {
  const files = new Map<string, StoredFile>();
  return {
    async put(key, bytes, contentType) {
      files.set(key, { bytes: new Uint8Array(bytes), contentType });
    },
    async get(key) {
      return files.get(key) ?? null;
    },
  };
}

/** The R2 bucket's surface we use (Workers' R2Bucket), typed here so routes never import Workers types. */
export interface R2Like {
  put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
  get(key: string): Promise<{ arrayBuffer(): Promise<ArrayBuffer>; httpMetadata?: { contentType?: string } } | null>;
}

/** Cloudflare R2 on Workers (binding FILES). */
export function r2FileStore(bucket: R2Like): FileStore {
  return {
    async put(key, bytes, contentType) {
      await bucket.put(key, bytes, { httpMetadata: { contentType } });
    },
    async get(key) {
      const object = await bucket.get(key);
      if (!object) return null;
      return { bytes: new Uint8Array(await object.arrayBuffer()), contentType: object.httpMetadata?.contentType ?? "application/octet-stream" };
    },
  };
}
