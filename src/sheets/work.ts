/**
 * The CPU-heavy part of imports and exports — reading a spreadsheet, validating its rows, writing
 * one — behind one interface, so the Node server can run it on a worker thread (a 20,000-row import
 * or a 100,000-row export must not hold up other tenants' requests) while Workers, where each
 * request already has its own isolate and CPU budget, run it inline. Both run `runSheetJob`.
 */
import { ApiError, type ErrorDetail } from "../errors";
import type { MessageKey } from "../i18n";
import { LEDGER_RESOURCES } from "../ledger/resources";
import type { Row } from "../ledger/resource";
import type { ImportRow } from "../ledger/import-plan";
import { recordsToCsv, recordsToXlsx } from "./export";
import { parseImport, readSheet } from "./import";
import { uploadedFile } from "./upload-body";
import type { DisplayNames, ImportNames } from "./cells";

export type SheetJob =
  | { op: "parse"; resource: string; body: Uint8Array; contentType: string; names: ImportNames }
  | { op: "render"; resource: string; format: "xlsx" | "csv"; records: Row[]; personal: boolean; names: DisplayNames };

/** Pages of records as the export reads them. */
export type RecordPages = AsyncIterable<Row[]>;

export interface ParsedImport {
  rows: ImportRow[];
  headerErrors: ErrorDetail[];
}

export interface SheetWork {
  /** Reads an upload: its body as sent (a multipart form or the file itself) and its content type. */
  parse(resource: string, body: Uint8Array, contentType: string, names: ImportNames): Promise<ParsedImport>;
  /** Writes the pages as an export file; the pages may be consumed as they are read. */
  render(resource: string, format: "xlsx" | "csv", pages: RecordPages, personal: boolean, names: DisplayNames): Promise<Uint8Array | string>;
  close(): Promise<void>;
}

/** An ApiError as plain data, to cross a thread boundary and be thrown again on the other side. */
export interface SheetJobError {
  code: ApiError["code"];
  messageKey: MessageKey;
  params: Record<string, string | number>;
  details: ErrorDetail[];
}

export function toJobError(error: ApiError): SheetJobError {
  return { code: error.code, messageKey: error.messageKey, params: error.params, details: error.details };
}

export function fromJobError(error: SheetJobError): ApiError {
  return new ApiError(error.code, error.messageKey, error.params, error.details);
}

function resourceOf(path: string) {
  const def = LEDGER_RESOURCES.find((d) => d.path === path);
  if (!def) throw new Error(`Unknown ledger resource: ${path}`);
  return def;
}

export async function runSheetJob(job: SheetJob): Promise<ParsedImport | Uint8Array | string> {
  const def = resourceOf(job.resource);
  if (job.op === "parse") {
    const { bytes, filename } = await uploadedFile(job.body, job.contentType);
    return parseImport(def.fields, await readSheet(bytes, filename), job.names);
  }
  return job.format === "csv" ? recordsToCsv(def.fields, job.records, job.personal, job.names) : recordsToXlsx(def.label.zh, def.fields, job.records, job.personal, job.names);
}

/** Runs sheet work in the calling thread (Workers: the request's own isolate). */
export function inlineSheetWork(): SheetWork {
  return {
    parse: async (resource, body, contentType, names) => (await runSheetJob({ op: "parse", resource, body, contentType, names })) as ParsedImport,
    render: async (resource, format, pages, personal, names) => {
      const records: Row[] = [];
      for await (const page of pages) records.push(...page);
      return (await runSheetJob({ op: "render", resource, format, records, personal, names })) as Uint8Array | string;
    },
    close: async () => undefined,
  };
}
