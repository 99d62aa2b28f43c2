/** The unit's issued reports (quarterly and annual). */
import { useTenant } from "../../api/unit-data";
import { ReportList } from "../../components/report-list";
import { t } from "../../i18n";
import { PageHeader } from "../../shell/page-header";

export function UnitReportsScreen({ unit }: { unit: string }) {
  const tenant = useTenant(unit);
  return (
    <>
      <PageHeader title={t("reports.title")} subtitle={tenant.data?.name} />
      <section class="card">
        <ReportList listPath={`/api/t/${unit}/reports`} />
      </section>
    </>
  );
}
