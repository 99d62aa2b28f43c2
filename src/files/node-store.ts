/** Evidence files on Node: one file per attachment under DATA_DIR/files/<unit>/, its type beside it. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FileStore } from "./store";

export function diskFileStore(root: string): FileStore {
  const path = (key: string) => {
    // Keys are `<unit slug>/<id>[.thumb]`, built by us; refuse anything else rather than trust it.
    if (!/^[a-z0-9-]+\/[A-Za-z0-9]+(\.thumb)?$/.test(key)) throw new Error(`bad file key ${key}`);
    return join(root, "files", key);
  };
  return {
    async put(key, bytes, contentType) {
      const file = path(key);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(`${file}.type`, contentType);
      await writeFile(file, bytes);
    },
    async get(key) {
      const file = path(key);
      try {
        const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { bytes: new Uint8Array(bytes), contentType };
      } catch {
        return null;
      }
    },
  };
}
