/**
 * What the unit's screens share: the unit (programs, groups), the recipient areas it may record
 * against (its groups' areas and their counties), area names, and the records ref pickers offer.
 */
import { useEffect, useMemo, useState } from "preact/hooks";
import { cachedGet, useCached } from "./cache";
import type { Area, LedgerRecord, Page, Tenant } from "./types";

export function useTenant(unit: string | undefined) {
  return useCached<Tenant>(unit ? `/api/t/${unit}` : null);
}

const names = new Map<string, string>();

/** An area's name if known (from any area list loaded in this session), else its code. */
export function areaName(code: unknown): string {
  if (code === null || code === undefined || code === "") return "—";
  return names.get(String(code)) ?? String(code);
}

function remember(areas: Area[]): void {
  for (const a of areas) names.set(a.code, a.name);
}

/** Loads the names of codes not yet known (for tables showing records of other areas). */
export function useAreaNames(codes: unknown[]): number {
  const [loaded, setLoaded] = useState(0);
  const missing = [...new Set(codes.filter((c): c is string => typeof c === "string" && /^\d{6}$/.test(c) && !names.has(c)))].sort();
  const key = missing.slice(0, 200).join(",");
  useEffect(() => {
    if (!key) return;
    cachedGet<{ items: Area[] }>(`/api/areas?codes=${key}`).then(
      (r) => {
        remember(r.items);
        setLoaded((n) => n + 1);
      },
      () => undefined,
    );
  }, [key]);
  return loaded;
}

/**
 * The areas a unit records against: each group's area, and the counties under a prefecture or
 * province group, with names.
 */
export function useUnitAreas(tenant: Tenant | undefined): Area[] {
  const [areas, setAreas] = useState<Area[]>([]);
  const groupAreas = useMemo(() => {
    const seen = new Map<string, Area>();
    for (const p of tenant?.programs ?? []) for (const g of p.groups) seen.set(g.area.code, g.area);
    return [...seen.values()];
  }, [tenant]);
  useEffect(() => {
    let live = true;
    remember(groupAreas);
    const parents = groupAreas.filter((a) => a.level < 3);
    Promise.all(parents.map((a) => cachedGet<{ items: Area[] }>(`/api/areas?parent=${a.code}&limit=2000`).catch(() => ({ items: [] as Area[] })))).then((lists) => {
      if (!live) return;
      const all = new Map(groupAreas.map((a) => [a.code, a]));
      for (const list of lists) for (const a of list.items) all.set(a.code, a);
      remember([...all.values()]);
      setAreas([...all.values()].sort((a, b) => a.code.localeCompare(b.code)));
    });
    return () => {
      live = false;
    };
  }, [groupAreas]);
  return areas;
}

const REF_SORT: Record<string, string> = { "sub-units": "name", pairings: "-startDate", projects: "-createdAt" };

/** The newest 200 records a ref picker offers (a unit rarely has more live ones to link to). */
export function useRefOptions(unit: string, path: string | undefined) {
  return useCached<Page<LedgerRecord>>(path ? `/api/t/${unit}/${path}?limit=200&sort=${REF_SORT[path] ?? "-createdAt"}` : null);
}
