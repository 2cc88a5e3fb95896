import { type AppDeps, createApp } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD } from "./demo-network.ts";

/**
 * A half-year of ledger for the demo county, for `pnpm dev` only (tests start from an empty ledger).
 * Cases go through the real API — registration, workflow, rollups — on a clock set back to the day
 * each event happened, so the ledger, the deadlines and the figures look like a county's real work.
 */
interface Story {
  who: string;
  kind: "complaint" | "report" | "consultation";
  channel: string;
  category: string;
  nature?: string;
  subject: string;
  business: [string, string];
  consumer: [string, string, string];
  amountFen?: number;
  /** The workflow after registration: action names, with the facts each needs filled in below. */
  path: string[];
  recoveredFen?: number;
  /** Escalation target (demo unit name prefix) when the path escalates. */
  escalateTo?: string;
  by?: string;
}

const people: [string, string, string][] = [
  ["张桂芳", "13812348000", "宝坻区南关大街 5 号"],
  ["李志强", "13920461188", "宝坻区大口屯镇东街 12 号"],
  ["王秀兰", "15822310476", "宝坻区海滨街道开元里 3-2-101"],
  ["刘建国", "13602158823", "宝坻区王卜庄镇前进村"],
  ["陈淑珍", "18622040517", "宝坻区宝平街道城关社区 8 号楼"],
  ["赵德明", "13132085561", "宝坻区大口屯镇大口屯村"],
  ["孙丽娟", "15002211390", "宝坻区南关大街 77 号"],
  ["周海波", "13752096648", "宝坻区宝平街道建设路 21 号"],
];

const stories: Omit<Story, "consumer">[] = [
  {
    who: "point1",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.appliances",
    nature: "quality",
    subject: "电冰箱使用三天不制冷",
    business: ["宝坻区惠民家电商店", "宝坻区南关大街 18 号"],
    amountFen: 329900,
    path: ["accept", "start_mediation", "resolve", "close", "callback"],
    recoveredFen: 329900,
  },
  {
    who: "point1",
    kind: "complaint",
    channel: "phone",
    category: "services.education",
    nature: "contract",
    subject: "培训机构关门拒退学费",
    business: ["宝坻区启航教育培训学校", "宝坻区南关大街 42 号"],
    amountFen: 680000,
    path: ["accept", "start_mediation", "escalate"],
    escalateTo: "宝平街道",
    by: "station1",
  },
  {
    who: "point1",
    kind: "consultation",
    channel: "phone",
    category: "services.finance",
    subject: "银行推销的理财产品能否退",
    business: ["某银行宝坻支行", "宝坻区"],
    path: ["answer", "close"],
  },
  {
    who: "point2",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.farm_inputs",
    nature: "quality",
    subject: "购买的玉米种子出芽率低",
    business: ["大口屯镇丰收农资店", "宝坻区大口屯镇中心大街 9 号"],
    amountFen: 120000,
    path: ["accept", "start_mediation", "resolve", "close", "callback"],
    recoveredFen: 90000,
  },
  {
    who: "point2",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.food",
    nature: "safety",
    subject: "超市出售过期牛奶",
    business: ["大口屯镇百佳超市", "宝坻区大口屯镇商业街 3 号"],
    amountFen: 5800,
    path: ["accept", "start_mediation", "resolve", "close"],
    recoveredFen: 100000,
  },
  {
    who: "point2",
    kind: "report",
    channel: "phone",
    category: "goods.farm_inputs",
    subject: "流动商贩销售无标识化肥",
    business: ["流动商贩（无名称）", "宝坻区大口屯镇集市"],
    path: ["hand_over", "record_feedback", "close"],
  },
  {
    who: "station1",
    kind: "complaint",
    channel: "walk_in",
    category: "services.decoration_property",
    nature: "contract",
    subject: "装修公司拖延工期并增项收费",
    business: ["宝坻区美家装饰工程有限公司", "宝坻区宝平街道建设路 66 号"],
    amountFen: 1500000,
    path: ["accept", "start_mediation", "fail", "close", "callback"],
  },
  {
    who: "station1",
    kind: "complaint",
    channel: "letter",
    category: "services.telecom",
    nature: "contract",
    subject: "宽带未经同意自动续费",
    business: ["某通信公司宝坻营业厅", "宝坻区宝平街道南关大街 1 号"],
    amountFen: 36000,
    path: ["reject"],
  },
  {
    who: "station2",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.vehicles",
    nature: "after_sales",
    subject: "电动三轮车电池三个月后无法充电",
    business: ["大口屯镇绿源电动车行", "宝坻区大口屯镇中心大街 31 号"],
    amountFen: 260000,
    path: ["accept", "start_mediation", "resolve", "close", "callback"],
    recoveredFen: 180000,
  },
  {
    who: "station2",
    kind: "consultation",
    channel: "walk_in",
    category: "services.tourism",
    subject: "老年旅游团强制购物如何维权",
    business: ["某旅行社", "天津市"],
    path: ["refer", "close"],
  },
  {
    who: "office1",
    kind: "complaint",
    channel: "transfer_12315",
    category: "services.internet",
    nature: "false_advertising",
    subject: "直播间购买的羽绒服含绒量不符",
    business: ["宝坻区某电子商务有限公司", "宝坻区宝平街道"],
    amountFen: 89900,
    path: ["accept", "start_mediation", "terminate", "close"],
  },
  {
    who: "bureau",
    kind: "complaint",
    channel: "transfer_12315",
    category: "services.health",
    nature: "false_advertising",
    subject: "保健品宣称治病，老人花费上万元",
    business: ["宝坻区康寿健康咨询中心", "宝坻区海滨街道"],
    amountFen: 1280000,
    path: ["accept", "start_mediation", "resolve", "close", "callback"],
    recoveredFen: 1280000,
  },
  {
    who: "point1",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.clothing",
    nature: "quality",
    subject: "新买皮鞋穿一周开胶",
    business: ["南关步行街鞋城", "宝坻区南关大街 50 号"],
    amountFen: 26800,
    path: ["accept"],
  },
  {
    who: "point2",
    kind: "complaint",
    channel: "phone",
    category: "services.living",
    nature: "price",
    subject: "理发店办卡后店面转让",
    business: ["大口屯镇靓丽美发", "宝坻区大口屯镇商业街 8 号"],
    amountFen: 100000,
    path: [],
  },
  {
    who: "station1",
    kind: "report",
    channel: "walk_in",
    category: "goods.food",
    subject: "小作坊无证生产豆制品",
    business: ["无名豆腐作坊", "宝坻区宝平街道"],
    path: ["hand_over"],
  },
  {
    who: "point1",
    kind: "complaint",
    channel: "walk_in",
    category: "goods.daily",
    nature: "measurement",
    subject: "菜市场电子秤缺斤短两",
    business: ["南关农贸市场 12 号摊位", "宝坻区南关农贸市场"],
    amountFen: 3000,
    path: ["accept", "start_mediation", "resolve", "close", "callback"],
    recoveredFen: 3000,
  },
];

/** Months back from `now` each story happened (spread over half a year, newest last). */
function when(now: Date, i: number, total: number): Date {
  const days = Math.round(((total - 1 - i) / total) * 170) + 2;
  const d = new Date(now.getTime() - days * 86_400_000);
  d.setUTCHours(1 + (i % 7), (i * 13) % 60, 0, 0); // 09:00–15:59 in Shanghai
  return d;
}

export async function seedDemoCases(deps: AppDeps): Promise<number> {
  let clock = new Date();
  const realNow = new Date();
  const app = createApp({ ...deps, now: () => clock, tokenTtlSeconds: 400 * 86400 });
  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown> & { error?: { message: string } };
    if (!res.ok) throw new Error(`demo cases: ${method} ${path} → ${res.status} ${json.error?.message}`);
    return json;
  };
  clock = new Date(realNow.getTime() - 200 * 86_400_000);
  const tokens: Record<string, string> = {};
  for (const who of ["point1", "point2", "station1", "station2", "office1", "bureau"]) {
    tokens[who] = (
      await call("POST", "/v1/auth/login", undefined, {
        tenant: DEMO_COUNTY.countyCode,
        username: who,
        password: DEMO_PASSWORD,
      })
    ).token as string;
  }
  const units = (await call("GET", "/v1/units", tokens.bureau)).items as { id: string; name: string }[];

  // Two rounds of the stories make a ledger of a useful size; the second round is more recent.
  const all = [...stories, ...stories.map((s) => ({ ...s }))];
  let created = 0;
  for (const [i, s] of all.entries()) {
    clock = when(realNow, i, all.length);
    const [name, phone, address] = people[i % people.length]!;
    let c = await call("POST", "/v1/cases", tokens[s.who], {
      kind: s.kind,
      channel: s.channel,
      consumer: s.kind === "report" ? undefined : { name, phone, address },
      business: { name: s.business[0], address: s.business[1] },
      category: s.category,
      nature: s.nature,
      subject: s.subject,
      description: `${name}反映：${s.subject}。已核对购物凭证，情况属实。`,
      request: s.kind === "complaint" ? "退还货款并赔偿损失" : undefined,
      amountFen: s.amountFen,
    });
    created++;
    let actor = s.who;
    // Leave the most recent cases open: the ledger shows work in progress and deadlines to meet.
    const steps = i >= all.length - 4 ? s.path.slice(0, 1) : s.path;
    for (const action of steps) {
      clock = new Date(clock.getTime() + (1 + (i % 3)) * 86_400_000);
      if (clock > realNow) clock = new Date(realNow.getTime() - 60_000);
      const body: Record<string, unknown> = { action, version: c.version };
      if (action === "reject")
        Object.assign(body, { reason: "outside_jurisdiction", note: "属电信管理部门职责" });
      if (action === "resolve")
        Object.assign(body, { agreement: "经调解，经营者同意退还货款。", recoveredFen: s.recoveredFen ?? 0 });
      if (action === "fail" || action === "terminate")
        Object.assign(body, { reason: "no_agreement_possible" });
      if (action === "hand_over") Object.assign(body, { to: "宝坻区市场监管综合执法支队" });
      if (action === "record_feedback") Object.assign(body, { result: "执法支队已立案调查" });
      if (action === "answer")
        Object.assign(body, { answer: "已告知消费者可与经营者协商，或依法申请调解。" });
      if (action === "refer") Object.assign(body, { to: "区文化和旅游局" });
      if (action === "callback")
        Object.assign(body, { result: i % 5 === 0 ? "basically_satisfied" : "satisfied" });
      if (action === "escalate") {
        const target = units.find((u) => u.name.startsWith(s.escalateTo!))!;
        Object.assign(body, { toUnitId: target.id, note: "涉及金额较大，提交上级处理" });
      }
      const token = action === "callback" ? tokens.bureau : tokens[actor];
      c = await call("POST", `/v1/cases/${c.id}/transitions`, token, body);
      if (action === "escalate" && s.by) actor = s.by;
    }
  }
  return created;
}
