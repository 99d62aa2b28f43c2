import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Migration } from "../db/migrate";

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

/** Reads a drizzle-kit migration folder (meta/_journal.json + <tag>.sql) into ordered migrations. */
export function readMigrationFolder(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sqlText = readFileSync(join(folder, `${entry.tag}.sql`), "utf8");
      const statements = sqlText
        .split("--> statement-breakpoint")
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { version: entry.idx + 1, tag: entry.tag, statements };
    });
}
