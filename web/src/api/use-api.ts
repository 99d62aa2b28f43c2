/** Loading an API resource in a component: the data, the failure, and a way to load it again. */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { get, withQuery } from "./client";

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * GETs `path` with `query` whenever either changes (null path: nothing to load yet).
 * @example const { data, error } = useApi<Tenant>(`/api/t/${unit}`)
 */
export function useApi<T>(path: string | null, query: Record<string, string | number | boolean | undefined | null> = {}): Loaded<T> {
  const key = path ? withQuery(path, query) : null;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: Error; loading: boolean }>({ key: null, loading: Boolean(key) });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!key) return;
    const call = ++latest.current;
    setState((s) => ({ ...s, key, loading: true, error: undefined }));
    get<T>(key).then(
      (data) => call === latest.current && setState({ key, data, loading: false }),
      (error: Error) => call === latest.current && setState({ key, error, loading: false }),
    );
  }, [key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  // Data of another key is not this key's data (but keep showing it while the new one loads).
  return { data: state.data, error: state.key === key ? state.error : undefined, loading: state.loading || state.key !== key, reload };
}
