/**
 * 帮扶工作管理: every program with its document, term and counts, linked to its structure; creating
 * one (a successor plan starting with its predecessor's rules, say) and registering an area the code
 * list lacks (新疆生产建设兵团第三师 and the like), both admin-only.
 */
import { useState } from "preact/hooks";
import { send } from "../../api/client";
import { useApi } from "../../api/use-api";
import { DataTable } from "../../components/data-table";
import { Dialog } from "../../components/dialog";
import { describe, FieldRow } from "../../components/field";
import { ErrorNote, Loading, Notice } from "../../components/feedback";
import { FormActions } from "../../components/form-actions";
import { useForm, valueOf } from "../../components/use-form";
import { t } from "../../i18n";
import { href } from "../../router";
import { PageHeader } from "../../shell/page-header";
import { ProgramDialog } from "../structure/program-dialog";
import type { Program } from "../structure/types";

function SpecialAreaDialog({ onClose, onSaved }: { onClose(): void; onSaved(name: string): void }) {
  const [v, setV] = useState({ code: "", name: "", parentCode: "" });
  const form = useForm(["code", "name", "parentCode"], v);
  const save = form.submit(async () => {
    await send("POST", "/api/areas", { code: v.code, name: v.name, parentCode: v.parentCode || null });
    onSaved(v.name);
  });
  const input = (k: keyof typeof v, labelKey: Parameters<typeof t>[0], help?: string) => (
    <FieldRow id={`area-${k}`} label={t(labelKey)} required={k !== "parentCode"} error={form.errors[k] ?? null} help={help ?? null}>
      <input {...describe(`area-${k}`, form.errors[k], help)} type="text" value={v[k]} onInput={(e) => setV((x) => ({ ...x, [k]: valueOf(e) }))} autoComplete="off" />
    </FieldRow>
  );
  return (
    <Dialog title={t("structure.newArea")} onClose={onClose}>
      <form class="form" onSubmit={save} noValidate>
        {form.general ? <Notice tone="error">{form.general}</Notice> : null}
        <p class="muted">{t("structure.newAreaHelp")}</p>
        {input("name", "structure.areaName")}
        {input("code", "structure.areaCode", t("structure.areaCodeHelp"))}
        {input("parentCode", "structure.parentCode", t("structure.parentCodeHelp"))}
        <FormActions busy={form.busy} onClose={onClose} />
      </form>
    </Dialog>
  );
}

export function ProgramsScreen() {
  const list = useApi<{ items: Program[] }>("/api/programs");
  const [dialog, setDialog] = useState<"program" | "area" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t("structure.programs")}>
        <button type="button" class="btn" onClick={() => setDialog("area")}>
          {t("structure.newArea")}
        </button>
        <button type="button" class="btn btn--primary" onClick={() => setDialog("program")}>
          {t("structure.newProgram")}
        </button>
      </PageHeader>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <section class="card">
        {list.error ? <ErrorNote error={list.error} onRetry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data ? (
          <DataTable
            rows={list.data.items}
            rowKey={(p) => p.slug}
            caption={t("structure.programs")}
            columns={[
              { key: "name", header: t("structure.programName"), render: (p) => <a href={href(["p", p.slug, "structure"])}>{p.name}</a> },
              { key: "doc", header: t("structure.docNumber"), nowrap: true, render: (p) => p.docNumber },
              { key: "term", header: t("structure.term"), nowrap: true, render: (p) => t("structure.termValue", { from: p.startYear, to: p.endYear }) },
              { key: "groups", header: t("structure.groups"), numeric: true, render: (p) => String(p.groupCount) },
              { key: "units", header: t("structure.unitsCount"), numeric: true, render: (p) => String(p.unitCount) },
            ]}
          />
        ) : null}
      </section>
      {dialog === "program" ? (
        <ProgramDialog
          onClose={() => setDialog(null)}
          onSaved={(p) => {
            setDialog(null);
            setNotice(t("structure.programCreated", { name: p.name }));
            list.reload();
          }}
        />
      ) : null}
      {dialog === "area" ? (
        <SpecialAreaDialog
          onClose={() => setDialog(null)}
          onSaved={(name) => {
            setDialog(null);
            setNotice(t("structure.areaCreated", { name }));
          }}
        />
      ) : null}
    </>
  );
}
