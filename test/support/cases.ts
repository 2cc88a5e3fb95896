import type { TestApi } from "./api.ts";

/** A complete walk-in complaint, as point staff would register it; override what a test needs. */
export function complaintBody(over: Record<string, unknown> = {}) {
  return {
    kind: "complaint",
    channel: "walk_in",
    consumer: {
      name: "张桂芳",
      phone: "13812348000",
      address: "宝坻区南关大街 5 号",
      idNumber: "11010519491231002X",
    },
    business: {
      name: "宝坻区惠民家电商店",
      address: "宝坻区南关大街 18 号",
      creditCode: "91110108551385082Q",
    },
    category: "goods.appliances",
    nature: "quality",
    subject: "新买的电冰箱不制冷",
    description: "2026 年 11 月 1 日在该店购买海尔冰箱一台，使用三天后不制冷，商家拒绝退换。",
    request: "退货并退还货款",
    requestTypes: ["return", "refund"],
    amountFen: 329900,
    ...over,
  };
}

type CaseApi = Pick<TestApi, "call">;

/** Registers a case through the API; anything but 201 fails the test with the answer. */
export async function createCase(api: CaseApi, token: string, body: unknown) {
  const r = await api.call("POST", "/v1/cases", { token, body });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; version: number };
}

/** Applies actions in order, each on the version the previous one returned. */
export async function walkCase(
  api: CaseApi,
  token: string,
  c: { id: string; version: number },
  ...actions: object[]
) {
  let version = c.version;
  for (const a of actions) {
    const r = await api.call("POST", `/v1/cases/${c.id}/transitions`, { token, body: { ...a, version } });
    if (r.status !== 200) throw new Error(`${JSON.stringify(a)}: ${r.status} ${JSON.stringify(r.body)}`);
    version = r.body.version;
  }
  return { id: c.id, version };
}

/** Declares the tenant's own sub-categories in its settings (bureau admin), keeping everything else. */
export async function declareSubCategories(api: CaseApi, adminToken: string, categories: object[]) {
  const current = (await api.call("GET", "/v1/settings", { token: adminToken })).body;
  const r = await api.call("PUT", "/v1/settings", {
    token: adminToken,
    body: { version: current.version, templates: current.templates, categories },
  });
  if (r.status !== 200) throw new Error(`settings: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
