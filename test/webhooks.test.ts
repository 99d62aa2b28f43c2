/**
 * Outgoing webhooks against a local receiver: 东莞市's unit admin adds a DingTalk robot with its 加签 secret;
 * a coordinator's return of a record reaches it — the first attempt answered 500 is retried — signed as
 * DingTalk checks (timestamp + sign) and with our body HMAC; a program's WeCom robot gets the resubmission in
 * WeCom's format; a disabled robot gets nothing; hosts the deployment does not allow are refused.
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { webhookDeliveries, webhooks } from "../db/platform/schema";
import { call, makeUser, startHarness, type Harness, type TestUser } from "./support/harness";

interface Received {
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let h: Harness;
let server: Server;
let base: string;
const received: Received[] = [];
let failNext = 0;
let unitAdmin: TestUser;
let editor: TestUser;
let coordinator: TestUser;
const SECRET = "SEC0123456789abcdef";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body });
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end("busy");
      } else res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  h = await startHarness({ WEBHOOK_EXTRA_HOSTS: new URL(base).host });
  unitAdmin = await makeUser(h, "unit_admin", { unit: "dongguan" });
  editor = await makeUser(h, "unit_editor", { unit: "dongguan" });
  coordinator = await makeUser(h, "coordinator", { programs: ["dongguan-shaoguan"] });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const settled = async () => {
  await h.services.queue.settled();
  await h.services.queue.settled();
};

const addDingTalk = (token: string, url: string) => call(h, "POST", "/api/units/dongguan/webhooks", { token, body: { format: "dingtalk", url, secret: SECRET } });
/** 东莞市's DingTalk robot with its 加签 secret, added by the unit admin: its id. */
async function dingTalkRobot() {
  const res = await addDingTalk(unitAdmin.token, `${base}/robot/send?access_token=abc123`);
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

// Each test adds the robots it needs and starts with a receiver that answers 200 and has heard nothing.
beforeEach(() => {
  received.length = 0;
  failNext = 0;
});
// A robot one test added hears nothing of the next test's notices.
afterEach(async () => {
  await settled();
  await h.services.platform.update(webhooks).set({ enabled: false });
});

describe("outgoing webhooks", () => {
  it("the unit admin adds a DingTalk robot; the key and secret are not shown again; other hosts and roles are refused", async () => {
    const res = await addDingTalk(unitAdmin.token, `${base}/robot/send?access_token=abc123`);
    expect(res.status).toBe(201);
    const hook = await res.json();
    expect(hook).toMatchObject({ format: "dingtalk", url: `${base}/robot/send?access_token=…`, hasSecret: true, enabled: true });
    expect(JSON.stringify(hook)).not.toContain(SECRET);
    const evil = await addDingTalk(unitAdmin.token, "https://evil.example.com/collect");
    expect(evil.status).toBe(400);
    expect((await evil.json()).error.details[0].code).toBe("url_not_allowed");
    expect((await addDingTalk(editor.token, `${base}/x`)).status).toBe(403);
    const stranger = await makeUser(h, "unit_admin", { unit: "gd-org-dept" });
    expect((await addDingTalk(stranger.token, `${base}/x`)).status).toBe(403);
  });

  it("a coordinator's return reaches the robot, retried after a failure, signed as DingTalk checks", async () => {
    const hookId = await dingTalkRobot();
    const fund = await (await call(h, "POST", "/api/t/dongguan/funds", { token: editor.token, body: { kind: "disbursement", source: "city", amountFen: 100_00, date: "2024-03-01", areaCode: "440282", program: "dongguan-shaoguan" } })).json();
    received.length = 0;
    failNext = 1;
    expect((await call(h, "POST", `/api/t/dongguan/funds/${fund.id}/thread`, { token: coordinator.token, body: { text: "请补充拨付凭证" } })).status).toBe(201);
    await settled();
    expect(received).toHaveLength(2);
    const got = received[1]!;
    const url = new URL(got.url, base);
    expect(url.pathname).toBe("/robot/send");
    expect(url.searchParams.get("access_token")).toBe("abc123");
    const timestamp = url.searchParams.get("timestamp")!;
    const expectedSign = createHmac("sha256", SECRET).update(`${timestamp}\n${SECRET}`).digest("base64");
    expect(url.searchParams.get("sign")).toBe(expectedSign);
    expect(got.headers["x-duikou-signature"]).toBe(`sha256=${createHmac("sha256", SECRET).update(got.body).digest("hex")}`);
    const body = JSON.parse(got.body);
    expect(body.msgtype).toBe("markdown");
    expect(body.markdown.text).toContain("请补充拨付凭证");
    const [delivery] = await h.services.platform.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hookId));
    expect(delivery).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("a program's WeCom robot gets the resubmission in WeCom's format; a test message reports the robot's answer", async () => {
    const add = await call(h, "POST", "/api/programs/dongguan-shaoguan/webhooks", { token: coordinator.token, body: { format: "wecom", url: `${base}/cgi-bin/webhook/send?key=k1` } });
    expect(add.status).toBe(201);
    const wecom = await add.json();
    received.length = 0;
    failNext = 0;
    const test = await call(h, "POST", `/api/webhooks/${wecom.id}/test`, { token: coordinator.token });
    expect(await test.json()).toEqual({ delivered: true, error: null });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ msgtype: "markdown", markdown: { content: expect.stringContaining("测试消息") } });
    failNext = 5;
    const failed = await call(h, "POST", `/api/webhooks/${wecom.id}/test`, { token: coordinator.token });
    expect(await failed.json()).toEqual({ delivered: false, error: "HTTP 500 busy" });
    failNext = 0;
    expect((await call(h, "POST", `/api/webhooks/${wecom.id}/test`, { token: unitAdmin.token })).status).toBe(404);
  });

  it("a disabled robot gets nothing; the change is If-Match", async () => {
    const hookId = await dingTalkRobot();
    const list = await (await call(h, "GET", "/api/units/dongguan/webhooks", { token: unitAdmin.token })).json();
    const hook = list.items.find((w: { id: string }) => w.id === hookId);
    expect((await call(h, "PATCH", `/api/webhooks/${hookId}`, { token: unitAdmin.token, body: { enabled: false }, headers: { "if-match": '"9"' } })).status).toBe(412);
    const off = await call(h, "PATCH", `/api/webhooks/${hookId}`, { token: unitAdmin.token, body: { enabled: false }, headers: { "if-match": `"${hook.version}"` } });
    expect(off.status).toBe(200);
    received.length = 0;
    const fund = await (await call(h, "POST", "/api/t/dongguan/funds", { token: editor.token, body: { kind: "disbursement", source: "city", amountFen: 200_00, date: "2024-03-02", areaCode: "440282", program: "dongguan-shaoguan" } })).json();
    await call(h, "POST", `/api/t/dongguan/funds/${fund.id}/thread`, { token: coordinator.token, body: { text: "再次退回" } });
    await settled();
    expect(received).toHaveLength(0);
  });
});
