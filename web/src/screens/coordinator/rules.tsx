/** 规则参数: a program's rule set, each rule switchable and its parameters editable. */
import { useApi } from "../../api/use-api";
import type { ProgramRule } from "../../api/types";
import { useProgramNames } from "../../api/programs";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { pick, t } from "../../i18n";
import { useSession } from "../../session";
import { PageHeader } from "../../shell/page-header";
import { RuleEditor } from "./rule-editor";

export function RulesScreen({ program }: { program: string }) {
  const names = useProgramNames();
  const user = useSession()?.user;
  const rules = useApi<{ items: ProgramRule[] }>(`/api/programs/${program}/rules`);
  const canEdit = user?.role === "coordinator" || user?.role === "admin";
  return (
    <>
      <PageHeader title={t("rules.title")} subtitle={pick(names(program))} />
      <Notice tone="info">{t("rules.intro")}</Notice>
      {rules.error ? <ErrorNote error={rules.error} onRetry={rules.reload} /> : null}
      {!rules.data && !rules.error ? <Loading /> : null}
      {rules.data ? (
        <ul class="rule-configs">
          {rules.data.items.map((r) => (
            <RuleEditor key={`${program}-${r.id}`} program={program} rule={r} canEdit={canEdit} />
          ))}
        </ul>
      ) : null}
    </>
  );
}
