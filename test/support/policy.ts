/**
 * The five policy documents, vendored under `policy/` (copied from the workplace's shared/policy): the
 * source of truth every rule quote and seed correction is checked against, present in every clone.
 * A missing file fails the test that reads it — it never skips.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const POLICY_DIR = join(import.meta.dirname, "..", "..", "policy");

/** A document's text. */
export function policyText(file: string): string {
  return readFileSync(join(POLICY_DIR, file), "utf8");
}

/** Text without white space, so a quote that the file wraps still matches. */
export function flat(text: string): string {
  return text.replace(/\s+/g, "");
}

/** Whether the document says these words (white space aside). */
export function documentSays(file: string, words: string): boolean {
  return flat(policyText(file)).includes(flat(words));
}
