/** Optimistic concurrency: a record's ETag is its version; writes must send it back in If-Match. */
import { ApiError } from "../errors";

/** @example etag(3) // "\"3\"" */
export function etag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an If-Match header names. Missing → 428 (the clerk must read first);
 * malformed → 400.
 */
export function requireIfMatch(header: string | undefined): number {
  if (!header) throw new ApiError("PRECONDITION_REQUIRED", "error.precondition_required");
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header) ?? /^\s*(\d{1,9})\s*$/.exec(header);
  if (!match?.[1]) throw new ApiError("BAD_REQUEST", "error.precondition_required", {}, [{ path: "header.if-match", message: 'If-Match: "<version>"' }]);
  return Number(match[1]);
}
