/**
 * A file's size as people read it: KB below a megabyte (at least 1), MB to one decimal above.
 * @example fileSize(3_500_000) // "3.3 MB"
 */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
