/** Program and period (a year, or a year to the end of a quarter) for the coordinator's screens. */
import { useCached } from "../../api/cache";
import { useProgramNames } from "../../api/programs";
import { pick, t } from "../../i18n";
import { YEARS } from "../../ledger/filters";
import { useSession } from "../../session";

export interface Period {
  year: number;
  quarter: number | null;
}

export function periodOf(query: Record<string, string>): Period {
  const quarter = Number(query.quarter);
  return { year: Number(query.year) || new Date().getFullYear(), quarter: quarter >= 1 && quarter <= 4 ? quarter : null };
}

export function periodQuery(p: Period): Record<string, number | undefined> {
  return { year: p.year, quarter: p.quarter ?? undefined };
}

export function PeriodPicker({ program, period, onChange, programChoice = true }: { program: string; period: Period; onChange(program: string, period: Period): void; programChoice?: boolean }) {
  const user = useSession()?.user;
  const names = useProgramNames();
  const all = useCached<{ items: { slug: string }[] }>(user?.role === "admin" ? "/api/programs" : null).data;
  const programs = user?.role === "admin" ? (all?.items ?? []).map((p) => p.slug) : (user?.programs ?? []);
  return (
    <form class="filters" aria-label={t("rollup.choose")} onSubmit={(e) => e.preventDefault()}>
      {programChoice ? (
        <div class="filters__item filters__item--grow">
          <label for="pick-program">{t("rollup.program")}</label>
          <select id="pick-program" value={program} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value, period)}>
            {(programs.includes(program) ? programs : [program, ...programs]).map((slug) => (
              <option key={slug} value={slug}>
                {pick(names(slug))}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div class="filters__item">
        <label for="pick-year">{t("filters.year")}</label>
        <select id="pick-year" value={String(period.year)} onChange={(e) => onChange(program, { ...period, year: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {YEARS.map((y) => (
            <option key={y} value={String(y)}>
              {t("common.yearN", { year: y })}
            </option>
          ))}
        </select>
      </div>
      <div class="filters__item">
        <label for="pick-quarter">{t("rollup.period")}</label>
        <select id="pick-quarter" value={String(period.quarter ?? "")} onChange={(e) => onChange(program, { ...period, quarter: Number((e.currentTarget as HTMLSelectElement).value) || null })}>
          <option value="">{t("filters.wholeYear")}</option>
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={String(q)}>
              {t("rollup.toQuarter", { quarter: q })}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
