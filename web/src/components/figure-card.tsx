/** A key figure: label, big number with its unit, and a line of detail. */
import type { ComponentChildren } from "preact";

export function FigureCard({ label, value, unit, children, tone, testId }: { label: string; value: string; unit?: string; children?: ComponentChildren; tone?: "primary" | "accent"; testId?: string }) {
  return (
    <div class={`figure${tone ? ` figure--${tone}` : ""}`} data-figure={testId}>
      <p class="figure__label">{label}</p>
      <p class="figure__value">
        <span class="figure__number">{value}</span>
        {unit ? <span class="figure__unit">{unit}</span> : null}
      </p>
      {children ? <div class="figure__detail">{children}</div> : null}
    </div>
  );
}
