import { addMonths, shanghaiDate, shanghaiMonth } from "@weiquan/domain";
import { type AppDeps, createApp } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD } from "./demo-network.ts";

/**
 * The annual assessment and a creation campaign for the demo county (`pnpm dev` only), through the real
 * API after the demo ledger and supervision: last year's assessment scored, finalized and signed off by the
 * 综治办 in January; this year's made from this year's data with half of its sheets scored; and a
 * 无传销社区 campaign under way — most points created, the one-third sample drawn, two of it checked.
 */
type Body = Record<string, unknown>;

function demoApi(deps: AppDeps, clock: () => Date) {
  const app = createApp({ ...deps, now: clock, tokenTtlSeconds: 400 * 86400 });
  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Body & { error?: { message: string } };
    if (!res.ok) throw new Error(`demo assessment: ${method} ${path} → ${res.status} ${json.error?.message}`);
    return json;
  };
  const login = async (username: string) =>
    (
      await call("POST", "/v1/auth/login", undefined, {
        tenant: DEMO_COUNTY.countyCode,
        username,
        password: DEMO_PASSWORD,
      })
    ).token as string;
  return { call, login };
}

const stars = [
  { atLeast: 90, stars: 3 },
  { atLeast: 80, stars: 2 },
  { atLeast: 70, stars: 1 },
];

const lastYearTemplate = (year: string) => ({
  year,
  name: `${year} 年度消费维权服务站（点）绩效考核`,
  appliesTo: ["station", "point"],
  items: [
    { code: "four_ones", title: "“四个一”规范建设", maxPoints: 10, source: "auto", metric: "four_ones" },
    {
      code: "organization",
      title: "组织建设与制度",
      maxPoints: 20,
      source: "manual",
      guidance: "有工作制度并上墙，人员分工明确",
    },
    {
      code: "ledger",
      title: "台账管理",
      maxPoints: 25,
      source: "manual",
      guidance: "投诉举报登记完整、及时，文书规范",
    },
    {
      code: "mediation",
      title: "调解工作",
      maxPoints: 25,
      source: "manual",
      guidance: "受理及时，调解有记录，群众满意",
    },
    {
      code: "outreach",
      title: "宣传与培训",
      maxPoints: 20,
      source: "manual",
      guidance: "开展宣传活动，按时参加业务培训",
    },
  ],
  stars,
});

const thisYearTemplate = (year: string) => ({
  year,
  name: `${year} 年度消费维权服务站（点）绩效考核`,
  appliesTo: ["station", "point"],
  items: [
    { code: "on_time", title: "按时受理", maxPoints: 15, source: "auto", metric: "on_time_acceptance_rate" },
    { code: "closure", title: "办结", maxPoints: 10, source: "auto", metric: "closure_rate" },
    {
      code: "mediation",
      title: "调解成功",
      maxPoints: 10,
      source: "auto",
      metric: "mediation_success_rate",
      scale: {
        thresholds: [
          { atLeast: 0.8, points: 10 },
          { atLeast: 0.6, points: 6 },
        ],
      },
    },
    { code: "callback", title: "回访", maxPoints: 5, source: "auto", metric: "callback_rate" },
    {
      code: "verified",
      title: "抽查回访满意",
      maxPoints: 10,
      source: "auto",
      metric: "verified_satisfaction_rate",
    },
    { code: "ledger", title: "台账完整", maxPoints: 10, source: "auto", metric: "ledger_completeness" },
    { code: "four_ones", title: "“四个一”规范建设", maxPoints: 10, source: "auto", metric: "four_ones" },
    {
      code: "inspection",
      title: "季度检查合格",
      maxPoints: 10,
      source: "auto",
      metric: "inspection_pass_rate",
    },
    {
      code: "site",
      title: "年终现场考评",
      maxPoints: 20,
      source: "manual",
      guidance: "县局会同综治办实地查看，听取汇报",
    },
  ],
  stars,
});

interface SheetRow {
  unitId: string;
  unitName: string;
  version: number;
  items: { code: string; points: number | null }[];
}

/** Every sheet of an assessment (the demo county has a dozen: one page). */
async function sheetsOf(call: ReturnType<typeof demoApi>["call"], token: string, id: string) {
  return (await call("GET", `/v1/assessments/${id}?order=tree&limit=200`, token)).sheets as SheetRow[];
}

/** Varied but repeatable points: a share of the maximum by the unit's place in the list. */
const pointsFor = (max: number, i: number, code: string) =>
  Math.round(max * (0.62 + (((i * 7 + code.length * 3) % 10) / 10) * 0.38) * 2) / 2;

export async function seedDemoAssessment(deps: AppDeps): Promise<{ assessments: number; campaign: string }> {
  const realNow = new Date();
  const year = Number(shanghaiDate(realNow).slice(0, 4));
  let clock = new Date(`${year}-01-12T10:00:00+08:00`);
  const { call, login } = demoApi(deps, () => clock);
  const t: Record<string, string> = {};
  for (const who of ["admin", "bureau", "viewer", "point1", "point2", "station1", "station2"])
    t[who] = await login(who);

  // Last year's: made, scored and finalized by the bureau in January, then signed off by the 综治办.
  const last = String(year - 1);
  const lastTpl = await call("POST", "/v1/assessment-templates", t.admin, lastYearTemplate(last));
  const lastA = await call("POST", "/v1/assessments", t.bureau, { templateId: lastTpl.id, year: last });
  for (const [i, s] of (await sheetsOf(call, t.bureau, lastA.id as string)).entries()) {
    const items = s.items
      .filter((it) => it.points === null)
      .map((it) => {
        const max = lastYearTemplate(last).items.find((x) => x.code === it.code)!.maxPoints;
        return { code: it.code, points: pointsFor(max, i, it.code) };
      });
    await call("PATCH", `/v1/assessments/${lastA.id}/sheets/${s.unitId}`, t.bureau, {
      version: s.version,
      items,
    });
  }
  await call("POST", `/v1/assessments/${lastA.id}/finalize`, t.bureau);
  clock = new Date(`${year}-01-20T15:00:00+08:00`);
  await call("POST", `/v1/assessments/${lastA.id}/sign-off`, t.viewer, {
    note: "经综治办会同考评，同意考核结果。",
  });

  // This year's: made now from the year's ledger and supervision, half of the sheets scored so far.
  clock = realNow;
  const tpl = await call("POST", "/v1/assessment-templates", t.admin, thisYearTemplate(String(year)));
  const current = await call("POST", "/v1/assessments", t.bureau, { templateId: tpl.id, year: String(year) });
  for (const [i, s] of (await sheetsOf(call, t.bureau, current.id as string)).entries()) {
    if (i % 2) continue;
    await call("PATCH", `/v1/assessments/${current.id}/sheets/${s.unitId}`, t.bureau, {
      version: s.version,
      items: [{ code: "site", points: pointsFor(20, i, "site"), note: "台账规范，制度上墙" }],
    });
  }

  // A 无传销社区 campaign started two months ago, due next month.
  clock = new Date(realNow.getTime() - 60 * 86_400_000);
  const campaign = await call("POST", "/v1/campaigns", t.bureau, {
    name: `${year} 年创建“无传销社区”活动`,
    kind: "pyramid_free",
    year: String(year),
    deadline: `${addMonths(shanghaiMonth(realNow), 1)}-15`,
    targets: { creationRate: 0.9, passRate: 0.8 },
    scoreSheet: [
      { code: "leadership", title: "组织领导（领导小组、工作方案）", maxPoints: 20 },
      { code: "five_ones", title: "“五个一”落实", maxPoints: 40 },
      { code: "rentals", title: "出租屋与流动人员管理", maxPoints: 20 },
      { code: "publicity", title: "宣传教育", maxPoints: 20 },
    ],
    passMark: 80,
  });
  const id = campaign.id as string;
  const units = (await call("GET", `/v1/campaigns/${id}/units?limit=200`, t.bureau)).items as {
    unitId: string;
    unitName: string;
  }[];
  const done = Object.fromEntries((campaign.checklist as { code: string }[]).map((c) => [c.code, true]));
  clock = new Date(realNow.getTime() - 30 * 86_400_000);
  // Six of eight created; the last two still at work on their 五个一.
  for (const u of units.slice(0, 6))
    await call("POST", `/v1/campaigns/${id}/units/${u.unitId}/created`, t.bureau, {
      checklist: done,
      note: "联系卡、公开信已发放到户，责任书已签订",
    });
  clock = new Date(realNow.getTime() - 10 * 86_400_000);
  await call("POST", `/v1/campaigns/${id}/sample`, t.bureau, {});
  const sampled = (await call("GET", `/v1/campaigns/${id}/units?sampled=true`, t.bureau)).items as {
    unitId: string;
  }[];
  for (const [i, u] of sampled.slice(0, 2).entries())
    await call("POST", `/v1/campaigns/${id}/units/${u.unitId}/inspection`, t.bureau, {
      inspectedAt: shanghaiDate(clock),
      inspectors: ["县局 张敏", "综治办 周平"],
      scores: [
        { code: "leadership", points: 18 },
        { code: "five_ones", points: i ? 30 : 37 },
        { code: "rentals", points: i ? 14 : 17 },
        { code: "publicity", points: 16 },
      ],
    });
  return { assessments: 2, campaign: id };
}
