/** 年度考核排名: shown only when the program has an issued annual assessment report. */
import type { ReportItem } from "../../api/types";
import { useApi } from "../../api/use-api";
import { dateTime } from "../../format/date";
import { t } from "../../i18n";
import { href } from "../../router";

export function AnnualRanking({ program }: { program: string }) {
  const list = useApi<{ items: ReportItem[] }>(`/api/programs/${program}/reports`, { kind: "program_annual", limit: 5 });
  const annual = (list.data?.items ?? []).filter((r) => r.kind === "program_annual");
  if (!annual.length) return null;
  return (
    <section class="card" aria-labelledby="annual-ranking">
      <div class="card__head">
        <h2 id="annual-ranking">{t("rollup.annualRanking")}</h2>
        <a href={href(["p", program, "reports"])}>{t("rollup.allReports")}</a>
      </div>
      <ul class="name-list">
        {annual.map((r) => (
          <li key={r.id}>
            {r.title} · {r.period} · {t("reports.issued", { at: dateTime(r.issuedAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
