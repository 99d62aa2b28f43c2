/** Program and period (a year, or a year to the end of a quarter) for the coordinator's screens. */
import { useCached } from "../../api/cache";
import { useProgramNames } from "../../api/programs";
import { pick, t } from "../../i18n";
import { ChoiceSelect, FilterItem, Filters, QuarterSelect, YearSelect } from "../../components/filters";
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
    <Filters label={t("rollup.choose")}>
      {programChoice ? (
        <FilterItem id="pick-program" label={t("rollup.program")} kind="grow">
          <ChoiceSelect id="pick-program" value={program} onChange={(slug) => onChange(slug, period)} choices={(programs.includes(program) ? programs : [program, ...programs]).map((slug) => [slug, pick(names(slug))] as const)} />
        </FilterItem>
      ) : null}
      <FilterItem id="pick-year" label={t("filters.year")}>
        <YearSelect id="pick-year" value={period.year} onChange={(year) => onChange(program, { ...period, year: Number(year) })} />
      </FilterItem>
      <FilterItem id="pick-quarter" label={t("rollup.period")}>
        <QuarterSelect id="pick-quarter" value={period.quarter ?? ""} onChange={(quarter) => onChange(program, { ...period, quarter: Number(quarter) || null })} all={t("filters.wholeYear")} named={(quarter) => t("rollup.toQuarter", { quarter })} />
      </FilterItem>
    </Filters>
  );
}
