/**
 * SheetJS, as the tests' independent reader and writer of spreadsheets: files the product writes
 * are read back with it, and files a clerk's spreadsheet program would save are made with it.
 * The product itself carries no spreadsheet library (src/sheets/xlsx-read.ts, xlsx-write.ts).
 */
import type * as SheetJS from "@e965/xlsx";
import * as mini from "@e965/xlsx/dist/xlsx.mini.min.js";

/** The bundle is UMD: ESM importers see it under `default`. */
export const XLSX: typeof SheetJS = ((mini as { default?: typeof SheetJS }).default ?? mini) as typeof SheetJS;
