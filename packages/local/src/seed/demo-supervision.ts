import { addMonths, quarterOfMonth, shanghaiDate, shanghaiMonth } from "@weiquan/domain";
import { type AppDeps, createApp } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD } from "./demo-network.ts";

/**
 * Supervision for the demo county (`pnpm dev` only), through the real API after the demo ledger: a few
 * more complaints closed last month across the network, last month's sampled callback round with half of
 * it called back (one consumer unsatisfied: a follow-up for that point, one not reached), and two quarters
 * of inspections — last quarter's findings rectified and verified, this quarter's with one finding open.
 */
const lastMonthComplaints: { unit: string; subject: string; person: [string, string, string] }[] = [
  {
    unit: "南关社区",
    subject: "羽绒服洗后严重缩水",
    person: ["韩梅", "13512240187", "宝坻区南关大街 31 号"],
  },
  {
    unit: "南关社区",
    subject: "健身卡预付后门店停业",
    person: ["郑强", "13820051466", "宝坻区南关大街 9 号"],
  },
  {
    unit: "城关社区",
    subject: "手机维修后仍无法开机",
    person: ["冯丽", "15822047713", "宝坻区城关社区 3 号楼"],
  },
  {
    unit: "城关社区",
    subject: "网购电饭煲内胆掉漆",
    person: ["许静", "13602231954", "宝坻区城关社区 12 号楼"],
  },
  {
    unit: "大口屯村",
    subject: "化肥包装重量不足",
    person: ["马国庆", "13132049920", "宝坻区大口屯镇大口屯村"],
  },
  {
    unit: "大口屯村",
    subject: "农药标签与实物不符",
    person: ["何玉兰", "18622317785", "宝坻区大口屯镇大口屯村"],
  },
  {
    unit: "海滨社区",
    subject: "装修公司延期交付",
    person: ["曹磊", "13752039951", "宝坻区海滨街道海滨社区"],
  },
  {
    unit: "宝平街道",
    subject: "电动车电池续航虚标",
    person: ["邓华", "15002213347", "宝坻区宝平街道建设路 8 号"],
  },
  { unit: "王卜庄镇", subject: "婚宴酒店临时加价", person: ["彭飞", "13920417762", "宝坻区王卜庄镇前进村"] },
];

const pass = (codes: string[], fail: string[] = []) =>
  codes.map((code) => ({ code, result: fail.includes(code) ? "fail" : "pass" }));

export async function seedDemoSupervision(deps: AppDeps): Promise<{ round: number; inspections: number }> {
  const realNow = new Date();
  let clock = realNow;
  const app = createApp({ ...deps, now: () => clock, tokenTtlSeconds: 400 * 86400 });
  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the demo reads JSON answers field by field
    const json = (await res.json()) as any;
    if (!res.ok)
      throw new Error(`demo supervision: ${method} ${path} → ${res.status} ${json.error?.message}`);
    return json;
  };
  const login = async (username: string) => {
    const res = await app.request("/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tenant: DEMO_COUNTY.countyCode, username, password: DEMO_PASSWORD }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const bureau = await login("bureau");
  const units = (await call("GET", "/v1/units", bureau)).items as { id: string; name: string }[];
  const unitId = (prefix: string) => units.find((u) => u.name.startsWith(prefix))!.id;
  const thisMonth = shanghaiMonth(realNow);
  const lastMonth = addMonths(thisMonth, -1);
  const day = (month: string, d: number, hour = 10) =>
    new Date(`${month}-${String(d).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00:00+08:00`);

  // Last month's closures, registered and worked by the bureau into each unit's ledger.
  for (const [i, c] of lastMonthComplaints.entries()) {
    clock = day(lastMonth, 2 + i * 2);
    let k = await call("POST", "/v1/cases", bureau, {
      kind: "complaint",
      channel: i % 2 ? "phone" : "walk_in",
      unitId: unitId(c.unit),
      consumer: { name: c.person[0], phone: c.person[1], address: c.person[2] },
      business: { name: `${c.subject.slice(0, 4)}经营部`, address: "宝坻区" },
      category: "goods.daily",
      nature: "quality",
      subject: c.subject,
      description: `${c.person[0]}反映：${c.subject}。`,
      request: "退还货款并赔偿损失",
      amountFen: 20000 + i * 5000,
    });
    for (const action of ["accept", "start_mediation", "resolve", "close"]) {
      clock = new Date(clock.getTime() + 6 * 3_600_000);
      const body: Record<string, unknown> = { action, version: k.version };
      if (action === "resolve")
        Object.assign(body, { agreement: "经调解，经营者同意退款。", recoveredFen: 20000 });
      k = await call("POST", `/v1/cases/${k.id}/transitions`, bureau, body);
    }
  }

  // Last month's round, drawn this month; half of it called back.
  clock = realNow;
  const round = await call("POST", "/v1/sampling/rounds", bureau, {
    month: lastMonth,
    share: 0.5,
    minPerUnit: 1,
    maxPerUnit: 2,
    seed: Number(`${lastMonth.replace("-", "")}01`),
  });
  const items = round.items as { caseId: string }[];
  const answers = [
    { reached: true, result: "satisfied", note: "消费者对处理结果满意" },
    {
      reached: true,
      result: "unsatisfied",
      issues: ["agreement_unfulfilled"],
      note: "商家答应的退款至今未到账",
    },
    { reached: false, note: "电话无人接听" },
    { reached: true, result: "basically_satisfied", note: "处理较慢，结果可以接受" },
    { reached: true, result: "satisfied" },
    { reached: true, result: "satisfied" },
  ];
  for (const [i, item] of items.slice(0, Math.ceil(items.length / 2)).entries())
    await call(
      "POST",
      `/v1/sampling/rounds/${round.id}/items/${item.caseId}/callback`,
      bureau,
      answers[i % answers.length],
    );

  // Two quarters of inspections.
  const checklist = (
    (await call("GET", "/v1/settings", bureau)).inspectionChecklist as { code: string }[]
  ).map((c) => c.code);
  const thisQuarter = quarterOfMonth(thisMonth);
  const quarterStart = (q: string) =>
    `${q.slice(0, 4)}-${String(Number(q.slice(6)) * 3 - 2).padStart(2, "0")}`;
  const lastQuarterMonth = addMonths(quarterStart(thisQuarter), -2);
  const lastQuarter = quarterOfMonth(lastQuarterMonth);
  const point = await login("point1");
  const station = await login("station2");
  let inspections = 0;

  // Last quarter: three units, each with a finding the unit rectified and the bureau verified.
  const past = [
    {
      unit: "宝平街道",
      who: await login("station1"),
      fail: ["publicity_displayed"],
      text: "投诉电话和工作制度未公示上墙",
    },
    { unit: "大口屯镇", who: station, fail: ["ledger_complete"], text: "台账有 3 件投诉未登记办理结果" },
    { unit: "南关社区", who: point, fail: ["four_ones"], text: "服务点牌匾破损，需更换" },
  ];
  for (const [i, p] of past.entries()) {
    clock = day(lastQuarterMonth, 10 + i * 5, 9);
    const ins = await call("POST", "/v1/inspections", bureau, {
      unitId: unitId(p.unit),
      quarter: lastQuarter,
      inspectedAt: shanghaiDate(clock),
      inspectors: ["县局 张敏", "县局 王磊"],
      results: pass(checklist, p.fail),
      findings: [{ text: p.text, dueBy: shanghaiDate(new Date(clock.getTime() + 20 * 86_400_000)) }],
    });
    inspections++;
    const findingId = ins.findings[0].id;
    clock = new Date(clock.getTime() + 10 * 86_400_000);
    await call("POST", `/v1/inspections/${ins.id}/findings/${findingId}/rectify`, p.who, {
      note: "已整改完毕",
    });
    clock = new Date(clock.getTime() + 2 * 86_400_000);
    await call("POST", `/v1/inspections/${ins.id}/findings/${findingId}/verify`, bureau, {
      accepted: true,
      note: "现场复核通过",
    });
  }

  // This quarter: 大口屯村点 with one finding still open; 城关社区点 all in order (by its office).
  clock = realNow;
  const today = shanghaiDate(realNow);
  await call("POST", "/v1/inspections", bureau, {
    unitId: unitId("大口屯村"),
    quarter: thisQuarter,
    inspectedAt: today,
    inspectors: ["县局 张敏"],
    results: pass(checklist, ["cases_on_time"]),
    findings: [
      {
        text: "2 件投诉超过 7 个工作日才作出受理决定",
        dueBy: shanghaiDate(new Date(realNow.getTime() + 14 * 86_400_000)),
      },
    ],
  });
  await call("POST", "/v1/inspections", await login("office1"), {
    unitId: unitId("城关社区"),
    quarter: thisQuarter,
    inspectedAt: today,
    inspectors: ["宝平所 韩志刚"],
    results: pass(checklist),
  });
  inspections += 2;
  return { round: items.length, inspections };
}
