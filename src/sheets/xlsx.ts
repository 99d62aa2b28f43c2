/**
 * The spreadsheet library: SheetJS (the maintained `@e965/xlsx` build), its "mini" bundle — XLSX
 * and CSV only — which is pure JavaScript and runs in Node and workerd alike at a third of the size.
 */
import type * as SheetJS from "@e965/xlsx";
import * as mini from "@e965/xlsx/dist/xlsx.mini.min.js";

/** The bundle is UMD: ESM importers see it under `default`, CommonJS-aware bundlers directly. */
export const XLSX: typeof SheetJS = ((mini as { default?: typeof SheetJS }).default ?? mini) as typeof SheetJS;

export type WorkBook = SheetJS.WorkBook;
