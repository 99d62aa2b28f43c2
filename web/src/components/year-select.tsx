/** A year picker: the years the programs cover (2016, the oldest document's first, to this year), newest first. */
import { t } from "../i18n";

export const PROGRAM_YEARS = Array.from({ length: new Date().getFullYear() - 2015 }, (_, i) => new Date().getFullYear() - i);

export function YearSelect({ id, year, onChange }: { id: string; year: number; onChange(year: string): void }) {
  return (
    <>
      <label for={id}>{t("rollup.period")}</label>{" "}
      <select id={id} value={year} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {PROGRAM_YEARS.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </>
  );
}
