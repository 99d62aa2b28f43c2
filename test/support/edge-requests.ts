/** Requests to the Worker running in workerd (dev/edge.ts), JSON in and out, timed. */
import { DEMO_PASSWORD } from "../../src/seed/demo-users";
import type { Edge } from "../../dev/edge";

export interface EdgeAnswer {
  status: number;
  body: any;
  ms: number;
}

export function edgeRequests(edge: () => Edge) {
  async function request(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<EdgeAnswer> {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const started = Date.now();
    const res = await edge().mf.dispatchFetch(`http://duikou.test${path}`, { method: init.method ?? "GET", headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text), ms: Date.now() - started };
    } catch {
      // Not our envelope (e.g. workerd's own "hung" page): say what it was.
      throw new Error(`${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
    }
  }
  async function login(username: string): Promise<string> {
    const res = await request("/api/auth/login", { method: "POST", body: { username, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${res.status}`);
    return res.body.token as string;
  }
  return { request, login };
}
