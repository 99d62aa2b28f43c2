/** 未按期报送, 滞后 and 先进: the units a coordinator follows up with — the laggards grouped by requirement. */
import { useState } from "preact/hooks";
import { ApiFailure, send } from "../../api/client";
import type { ProgramRollup } from "../../api/types";
import { Tag } from "../../components/badge";
import { pick, t } from "../../i18n";
import { href } from "../../router";
import { periodQuery, type Period } from "./period-picker";

/** 催报: one press reminds every unit that has not submitted the quarter (their inboxes). */
function RemindButton({ program, period }: { program: string; period: Period }) {
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remind = async () => {
    setBusy(true);
    try {
      const { data } = await send<{ reminded: number }>("POST", `/api/programs/${program}/remind`, { year: period.year, quarter: period.quarter });
      setSaid(t("rollup.reminded", { n: data.reminded }));
    } catch (err) {
      setSaid(err instanceof ApiFailure ? err.message : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p>
      <button type="button" class="btn btn--small" onClick={() => void remind()} disabled={busy}>
        {t("rollup.remind")}
      </button>{" "}
      {said ? <span role="status">{said}</span> : null}
    </p>
  );
}

export function RollupLists({ rollup, program, period }: { rollup: ProgramRollup; program: string; period: Period }) {
  const name = (slug: string) => rollup.names[slug] ?? slug;
  const groups = rollup.lagging;
  const link = (slug: string) => href(["p", program, "units", slug], periodQuery(period));
  return (
    <div class="lists">
      <section class="card" aria-labelledby="list-not-submitted">
        <div class="card__head">
          <h2 id="list-not-submitted">{t("rollup.notSubmitted")}</h2>
          <span class="card__count">{period.quarter ? rollup.totals.notSubmittedUnits : ""}</span>
        </div>
        {!period.quarter ? (
          <p class="muted">{t("rollup.notSubmittedPickQuarter")}</p>
        ) : rollup.notSubmitted.length ? (
          <ul class="name-list" data-list="not-submitted">
            {rollup.notSubmitted.map((slug) => (
              <li key={slug}>
                <a href={link(slug)}>{name(slug)}</a>
              </li>
            ))}
            {rollup.totals.notSubmittedUnits > rollup.notSubmitted.length ? <li class="muted">{t("rollup.andMore", { n: rollup.totals.notSubmittedUnits - rollup.notSubmitted.length })}</li> : null}
          </ul>
        ) : null}
        {period.quarter ? rollup.notSubmitted.length ? <RemindButton program={program} period={period} /> : <p class="muted">{t("rollup.allSubmitted")}</p> : null}
      </section>
      <section class="card" aria-labelledby="list-lagging">
        <div class="card__head">
          <h2 id="list-lagging">{t("rollup.lagging")}</h2>
          <span class="card__count">{rollup.totals.laggingUnits}</span>
        </div>
        {groups.length ? (
          <ul class="lagging" data-list="lagging">
            {groups.map((g) => (
              <li key={`${g.rule}/${g.status}`} data-rule={g.rule}>
                <Tag tone={g.status === "fail" ? "danger" : "warn"}>{pick(g.title)}</Tag> <span class="muted">{t("rollup.laggingUnits", { n: g.count })}</span>
                <span class="lagging__rules">
                  {g.units.slice(0, NAMED).map((slug) => (
                    <a key={slug} href={link(slug)}>
                      {name(slug)}
                    </a>
                  ))}
                  {g.count > NAMED ? <span class="muted">{t("rollup.andMore", { n: g.count - Math.min(NAMED, g.units.length) })}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t("rollup.noneLagging")}</p>
        )}
      </section>
      <section class="card" aria-labelledby="list-excelling">
        <div class="card__head">
          <h2 id="list-excelling">{t("rollup.excelling")}</h2>
          <span class="card__count">{rollup.totals.excellingUnits}</span>
        </div>
        {rollup.excelling.length ? (
          <ul class="name-list" data-list="excelling">
            {rollup.excelling.map((slug) => (
              <li key={slug}>
                <a href={link(slug)}>{name(slug)}</a>
              </li>
            ))}
            {rollup.totals.excellingUnits > rollup.excelling.length ? <li class="muted">{t("rollup.andMore", { n: rollup.totals.excellingUnits - rollup.excelling.length })}</li> : null}
          </ul>
        ) : (
          <p class="muted">{t("rollup.noneExcelling")}</p>
        )}
      </section>
    </div>
  );
}

/** Units named per requirement; the rest are counted (every unit is on its own drill-down). */
const NAMED = 12;

