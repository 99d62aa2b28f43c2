/** Every program as <option>s, by its name in the UI's language (GET /api/programs, cached). */
import { useCached } from "../api/cache";
import type { ProgramInfo } from "../api/programs";
import { pick } from "../i18n";

export function ProgramOptions() {
  const programs = useCached<{ items: ProgramInfo[] }>("/api/programs");
  return (
    <>
      {(programs.data?.items ?? []).map((p) => (
        <option key={p.slug} value={p.slug}>
          {pick({ zh: p.name, en: p.nameEn ?? p.name })}
        </option>
      ))}
    </>
  );
}
