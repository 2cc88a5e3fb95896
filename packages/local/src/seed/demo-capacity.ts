import { shanghaiMonth } from "@weiquan/domain";
import { type AppDeps, createApp } from "@weiquan/fn-api";
import { DEMO_COUNTY, DEMO_PASSWORD } from "./demo-network.ts";
import { demoPhoto } from "./demo-photo.ts";

/**
 * Training and outreach for the demo county (`pnpm dev` only), through the real API: a year of trainings
 * (a station short of the yearly minimum), publicity events with a 3·15 stall, two food-safety / farm-input
 * warnings to the stations (the first acknowledged by the two demo stations with staff accounts — half of the four), and a few volunteers.
 *
 * With `filesOrigin` (where the object store's presigned URLs are sent: the local S3-protocol server, or
 * the API's origin that forwards to it) the publicity events carry photos, uploaded as the console does:
 * declared with `POST /v1/attachments`, PUT to the presigned URL, named by the record.
 */
export async function seedDemoCapacity(
  deps: AppDeps,
  opts: { filesOrigin?: string } = {},
): Promise<{ trainings: number; publicity: number; warnings: number; photos: number }> {
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
    if (!res.ok) throw new Error(`demo capacity: ${method} ${path} → ${res.status} ${json.error?.message}`);
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
  const t = Object.fromEntries(
    await Promise.all(
      ["bureau", "office1", "station1", "station2", "point1"].map(async (u) => [u, await login(u)]),
    ),
  ) as Record<string, string>;
  const units = (await call("GET", "/v1/units", t.bureau!)).items as {
    id: string;
    name: string;
    type: string;
  }[];
  let photos = 0;
  const photo = async (token: string, fileName: string, banner: readonly [number, number, number]) => {
    const bytes = demoPhoto(banner);
    const d = await call("POST", "/v1/attachments", token, {
      fileName,
      contentType: "image/png",
      size: bytes.length,
    });
    const put = await fetch(new URL(d.uploadUrl, opts.filesOrigin), {
      method: "PUT",
      headers: d.headers,
      body: new Uint8Array(bytes),
    });
    await put.arrayBuffer();
    if (!put.ok) throw new Error(`demo capacity: photo upload → ${put.status}`);
    photos++;
    return d.id as string;
  };
  const unitId = (prefix: string) => units.find((u) => u.name.startsWith(prefix))!.id;
  const year = shanghaiMonth(realNow).slice(0, 4);
  const month = Number(shanghaiMonth(realNow).slice(5, 7));
  const date = (m: number, d: number) =>
    `${year}-${String(Math.min(m, month)).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

  const trainings = [
    {
      who: "office1",
      org: "宝平市场监管所",
      m: 3,
      title: "消费维权服务站、点业务集中培训",
      format: "lecture",
      units: ["宝平街道", "南关社区", "城关社区"],
    },
    {
      who: "station1",
      org: "宝平街道",
      m: 6,
      title: "投诉调解案例分析会",
      format: "case_study",
      units: ["宝平街道", "南关社区", "城关社区"],
    },
    {
      who: "station1",
      org: "宝平街道",
      m: 10,
      title: "以会代训：三季度工作例会",
      format: "meeting",
      units: ["宝平街道", "南关社区"],
    },
    {
      who: "station2",
      org: "大口屯镇",
      m: 5,
      title: "农资消费纠纷巡回辅导",
      format: "touring",
      units: ["大口屯镇", "大口屯村"],
    },
  ];
  for (const [i, x] of trainings.entries()) {
    await call("POST", "/v1/trainings", t[x.who]!, {
      title: x.title,
      format: x.format,
      heldAt: date(x.m, 10 + i),
      hours: 2,
      place: `${x.org}会议室`,
      organizerUnitId: unitId(x.org),
      attendeeUnitIds: x.units.map(unitId),
    });
  }

  const publicity = [
    {
      who: "station1",
      unit: "宝平街道",
      m: 3,
      d: 15,
      kind: "consultation_stall",
      campaign: "consumer_rights_day",
      title: "3·15 消费维权咨询台",
      people: 320,
      materials: 600,
      photos: [
        [200, 30, 40],
        [214, 120, 30],
      ] as const,
    },
    {
      who: "point1",
      unit: "南关社区",
      m: 3,
      d: 15,
      kind: "leaflets",
      campaign: "consumer_rights_day",
      title: "3·15 入户发放维权手册",
      people: 150,
      materials: 150,
      photos: [[190, 40, 60]] as const,
    },
    {
      who: "station2",
      unit: "大口屯镇",
      m: 4,
      d: 8,
      kind: "lecture",
      title: "春耕农资消费知识讲座",
      people: 85,
      materials: 200,
      photos: [[40, 110, 70]] as const,
    },
    {
      who: "point1",
      unit: "南关社区",
      m: 9,
      d: 20,
      kind: "exhibition",
      title: "社区宣传栏更新：预付卡消费提示",
      people: 60,
    },
  ];
  for (const p of publicity) {
    const shots = (opts.filesOrigin && "photos" in p && p.photos) || [];
    const attachmentIds = [];
    for (const [i, banner] of shots.entries())
      attachmentIds.push(await photo(t[p.who]!, `${p.title}-现场照片${i + 1}.png`, banner));
    await call("POST", "/v1/publicity", t[p.who]!, {
      unitId: unitId(p.unit),
      kind: p.kind,
      title: p.title,
      heldAt: date(p.m, p.d),
      place: `${p.unit}`,
      peopleReached: p.people,
      ...(p.materials ? { materials: p.materials } : {}),
      ...(p.campaign ? { campaign: p.campaign } : {}),
      ...(attachmentIds.length ? { attachmentIds } : {}),
    });
  }

  // Two warnings to the stations; the first acknowledged by half of them.
  clock = new Date(realNow.getTime() - 20 * 86_400_000);
  const first = await call("POST", "/v1/warnings", t.bureau!, {
    title: "关于警惕农村集市“三无”食品的消费警示",
    body: "近期有流动商贩在农村集市销售无生产厂家、无生产日期、无质量合格证的食品，请各服务站提醒群众不要购买。",
    category: "food",
    severity: "warning",
    audience: { types: ["station"] },
  });
  clock = new Date(realNow.getTime() - 19 * 86_400_000);
  await call("POST", `/v1/warnings/${first.id}/ack`, t.station1!);
  await call("POST", `/v1/warnings/${first.id}/ack`, t.station2!);
  clock = new Date(realNow.getTime() - 3 * 86_400_000);
  await call("POST", "/v1/warnings", t.bureau!, {
    title: "冬季农资购买消费提示",
    body: "购买化肥、农药请到证照齐全的经营店，索要并保存票据，发现问题及时向服务站投诉。",
    category: "farm_inputs",
    severity: "info",
    audience: { types: ["station"] },
  });
  clock = realNow;

  const volunteers = [
    { who: "point1", unit: "南关社区", name: "孙秀兰", phone: "13612058841", skills: ["调解", "法律咨询"] },
    { who: "station2", unit: "大口屯镇", name: "高永明", phone: "13920473316", skills: ["农资"] },
  ];
  for (const v of volunteers)
    await call("POST", "/v1/volunteers", t[v.who]!, {
      unitId: unitId(v.unit),
      name: v.name,
      phone: v.phone,
      joinedAt: date(1, 5),
      skills: v.skills,
    });
  return { trainings: trainings.length, publicity: publicity.length, warnings: 2, photos };
}
