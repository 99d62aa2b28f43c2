/**
 * Answers that rarely change within a session (the unit's programs and groups, area names, the
 * options of reference pickers), fetched once and shared; writes invalidate by path prefix.
 */
import { useEffect, useState } from "preact/hooks";
import { get } from "./client";

const entries = new Map<string, Promise<unknown>>();
const listeners = new Set<() => void>();

/** GET through the cache (a failed answer is forgotten, so the next call tries again). */
export function cachedGet<T>(path: string): Promise<T> {
  let entry = entries.get(path) as Promise<T> | undefined;
  if (!entry) {
    entry = get<T>(path);
    entries.set(path, entry);
    entry.catch(() => entries.delete(path));
  }
  return entry;
}

/** Forgets every cached answer whose path starts with `prefix` (all when empty) and tells the hooks. */
export function invalidate(prefix = ""): void {
  for (const key of [...entries.keys()]) if (key.startsWith(prefix)) entries.delete(key);
  for (const listener of [...listeners]) listener();
}

/** A cached GET in a component; reloads when the cache entry is invalidated. */
export function useCached<T>(path: string | null): { data: T | undefined; error: Error | undefined } {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: Error }>({ path: null });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  useEffect(() => {
    if (!path) return;
    let live = true;
    cachedGet<T>(path).then(
      (data) => live && setState({ path, data }),
      (error: Error) => live && setState({ path, error }),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  return state.path === path ? { data: state.data, error: state.error } : { data: undefined, error: undefined };
}
