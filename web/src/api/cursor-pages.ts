/**
 * Walking a paged list by the API's one contract (`?cursor=` in, `nextCursor` out): the cursors of the
 * pages walked so far (the first page has none) — next pushes the answer's, back pops. A change of
 * `resetKey` (the filters, the sort) starts again from the first page.
 */
import { useEffect, useState } from "preact/hooks";

export function useCursorPages(resetKey?: string) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  useEffect(() => {
    if (resetKey !== undefined) setCursors([undefined]);
  }, [resetKey]);
  return {
    /** The cursor to ask with (undefined: the first page). */
    cursor: cursors.at(-1),
    reset: () => setCursors([undefined]),
    /** What a <Pager> needs, given the answer's next cursor. */
    pager: (nextCursor: string | null | undefined) => ({
      page: cursors.length,
      hasNext: Boolean(nextCursor),
      onPrev: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
      onNext: () => {
        if (nextCursor) setCursors((c) => [...c, nextCursor]);
      },
    }),
  };
}
