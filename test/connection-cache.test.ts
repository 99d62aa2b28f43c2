/** The bounded tenant connection cache: leases keep connections open, only idle ones are evicted. */
import { describe, expect, it } from "vitest";
import { CacheFullError, ConnectionCache } from "../src/tenants/connection-cache";

function conn(name: string, closed: string[]) {
  return { name, close: () => void closed.push(name) };
}

describe("ConnectionCache", () => {
  it("never closes a leased connection; evicts the least recently used idle one", async () => {
    const closed: string[] = [];
    const cache = new ConnectionCache<ReturnType<typeof conn>>(2);
    const a = await cache.lease("a", () => conn("a", closed));
    const b = await cache.lease("b", () => conn("b", closed));
    b.release();
    const c = await cache.lease("c", () => conn("c", closed));
    expect(closed).toEqual(["b"]);
    expect(cache.size).toBe(2);
    a.release();
    c.release();
    const again = await cache.lease("a", () => conn("a2", closed));
    expect(again.value.name).toBe("a");
    again.release();
  });

  it("makes a new tenant wait while every connection is leased, then serves it from the first release", async () => {
    const closed: string[] = [];
    const cache = new ConnectionCache<ReturnType<typeof conn>>(2);
    const a = await cache.lease("a", () => conn("a", closed));
    const b = await cache.lease("b", () => conn("b", closed));
    let got = false;
    const waiting = cache.lease("c", () => conn("c", closed)).then((l) => ((got = true), l));
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toBe(false);
    expect(closed).toEqual([]);
    b.release();
    const c = await waiting;
    expect(c.value.name).toBe("c");
    expect(closed).toEqual(["b"]);
    expect(cache.size).toBe(2);
    a.release();
    c.release();
  });

  it("gives up after its wait with CacheFullError, leaving the leased connections alone", async () => {
    const closed: string[] = [];
    const cache = new ConnectionCache<ReturnType<typeof conn>>(1, 30);
    const a = await cache.lease("a", () => conn("a", closed));
    await expect(cache.lease("b", () => conn("b", closed))).rejects.toBeInstanceOf(CacheFullError);
    expect(closed).toEqual([]);
    a.release();
    const b = await cache.lease("b", () => conn("b", closed));
    expect(closed).toEqual(["a"]);
    b.release();
  });

  it("closes a dropped connection only when its last lease ends", async () => {
    const closed: string[] = [];
    const cache = new ConnectionCache<ReturnType<typeof conn>>(4);
    const one = await cache.lease("a", () => conn("a", closed));
    const two = await cache.lease("a", () => conn("a", closed));
    cache.drop("a");
    one.release();
    one.release(); // idempotent
    expect(closed).toEqual([]);
    two.release();
    expect(closed).toEqual(["a"]);
  });

  it("holds its bound under many concurrent leases of more tenants than it has room for", async () => {
    const closed: string[] = [];
    let open = 0;
    let most = 0;
    const cache = new ConnectionCache<{ close(): void }>(4);
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const key = `t${i % 25}`;
        const lease = await cache.lease(key, () => {
          open += 1;
          most = Math.max(most, open);
          return { close: () => (closed.push(key), (open -= 1)) };
        });
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        lease.release();
      }),
    );
    expect(most).toBeLessThanOrEqual(4);
    expect(cache.leased).toBe(0);
  });
});
