/** Program names in both languages (GET /api/programs, once a session). */
import { useCached } from "./cache";

export interface ProgramInfo {
  slug: string;
  name: string;
  nameEn?: string;
  docNumber?: string;
  /** The policy document's file, as clauses cite it. */
  document?: string;
}

/** slug → { zh, en } names; falls back to the slug until loaded. */
export function useProgramNames(): (slug: string) => { zh: string; en: string } {
  const { data } = useCached<{ items: ProgramInfo[] }>("/api/programs");
  return (slug: string) => {
    const p = data?.items.find((x) => x.slug === slug);
    return { zh: p?.name ?? slug, en: p?.nameEn ?? p?.name ?? slug };
  };
}
