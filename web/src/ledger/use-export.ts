/** A ledger list's export (XLSX or CSV of what the filters select): under way since when, how many bytes so far, or why it failed. */
import { useState } from "preact/hooks";
import { download } from "../api/download";

export function useExport(base: string, params: Record<string, string>) {
  const [exportError, setExportError] = useState<Error | null>(null);
  /** An export under way: since when, and the bytes received (the server builds the file first, then sends it). */
  const [exporting, setExporting] = useState<{ since: number; received: number } | null>(null);
  const exportAs = (format: "xlsx" | "csv") => {
    setExportError(null);
    setExporting({ since: Date.now(), received: 0 });
    download(`${base}/export`, { ...params, format }, undefined, (received) => setExporting((e) => e && { ...e, received }))
      .catch((e: Error) => setExportError(e))
      .finally(() => setExporting(null));
  };

  return { exporting, exportError, exportAs };
}
