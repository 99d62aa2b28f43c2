/**
 * Retrying assertions for the DOM (playwright-core has no web-first `expect`): each polls until the
 * page shows what is expected or the time is up, then fails with vitest's own message.
 */
import type { Locator } from "playwright-core";
import { expect } from "vitest";

/** Runs `check` until it stops throwing (or rethrows its last error after `timeout` ms). */
export async function eventually(check: () => Promise<void> | void, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const text = async (l: Locator) => ((await l.count()) ? ((await l.first().textContent()) ?? "").trim() : "");

/** The (first) element's text equals `expected`. */
export const hasText = (l: Locator, expected: string) => eventually(async () => expect(await text(l)).toBe(expected));

/** The (first) element's text contains `expected`. */
export const containsText = (l: Locator, expected: string) => eventually(async () => expect(await text(l)).toContain(expected));

/** An input's or select's value. */
export const hasValue = (l: Locator, expected: string) => eventually(async () => expect(await l.inputValue()).toBe(expected));

/** An attribute's value (null when absent). */
export const hasAttribute = (l: Locator, name: string, expected: string | null) => eventually(async () => expect(await l.getAttribute(name)).toBe(expected));

/** How many elements match. */
export const hasCount = (l: Locator, expected: number) => eventually(async () => expect(await l.count()).toBe(expected));

/** The element has the keyboard focus. */
export const isFocused = (l: Locator) => eventually(async () => expect(await l.evaluate((el) => el === document.activeElement)).toBe(true));
