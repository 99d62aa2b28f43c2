/**
 * axe-core in a test page: evaluated from the installed package (`axe-core/axe.min.js`), run over the
 * whole document (an open modal <dialog> included), and its serious and critical violations returned
 * as one line per node, so a failing test names the rule, the element and what to fix.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Page } from "playwright-core";

/** The minified build shipped beside the package's entry point. */
const AXE_SCRIPT = readFileSync(join(dirname(createRequire(import.meta.url).resolve("axe-core")), "axe.min.js"), "utf8");

/** What the test reads of axe's result (the package's own types are richer). */
interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The impacts that fail a screen. */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * The serious and critical violations on the page as it is now, one string per offending node:
 * `rule (impact) target — summary`.
 * @example expect(await axeViolations(page)).toEqual([])
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the driver, not added as a <script>: the app's CSP (script-src 'self') rightly refuses inline scripts.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SCRIPT);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    // WCAG 2.1 A and AA plus axe's best practices (heading order, landmarks, region).
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) ${n.target.join(" ")} — ${v.help}: ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`));
}
