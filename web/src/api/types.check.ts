/**
 * Compile-time proof that the web's shapes follow the server's document (nothing here runs): if the
 * server started declaring these fields, or the web's types stopped coming from the document, the
 * `@ts-expect-error` lines would be unused and `npm run typecheck` would fail.
 */
import type { Me, Page, RuleResult, UserRow } from "./types";

// @ts-expect-error The server declares no nickname on a user: the web cannot read one.
export type UndeclaredUserField = Me["user"]["nickname"];
// @ts-expect-error A listed account never carries its password hash.
export type UndeclaredPasswordHash = UserRow["passwordHash"];
// @ts-expect-error A rule's status is one of the server's four, not any text.
export const unknownStatus: RuleResult["status"] = "maybe";
// A page's bookkeeping is the server's list contract: its total is a count, and it has no page number.
export const pageTotal: Page<unknown>["total"] = 3;
// @ts-expect-error Lists page by cursor, not by page number.
export type UndeclaredPageNumber = Page<unknown>["page"];
