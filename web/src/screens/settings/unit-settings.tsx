/** 设置: what a unit's admin configures for the unit — for now, the group robots its notices also go to. */
import { useTenant } from "../../api/unit-data";
import { t } from "../../i18n";
import { PageHeader } from "../../shell/page-header";
import { WebhooksCard } from "./webhooks";

export function UnitSettingsScreen({ unit }: { unit: string }) {
  const tenant = useTenant(unit).data;
  return (
    <>
      <PageHeader title={t("nav.settings")} subtitle={tenant?.name} />
      <WebhooksCard base={`/api/units/${unit}/webhooks`} />
    </>
  );
}
