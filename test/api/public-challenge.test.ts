import { createHash } from "node:crypto";
import { publicChallenge } from "@weiquan/domain";
import { DEMO_COUNTY } from "@weiquan/local";
import { RateLimitsRepository } from "@weiquan/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startApi, type TestApi } from "../support/api.ts";

/**
 * Past its normal rate a county's public intake stays open: each filing brings a solved proof-of-work
 * challenge instead of everyone getting a 429 for the rest of the hour.
 */
let api: TestApi;
const county = DEMO_COUNTY.countyCode;
const base = `/v1/public/${county}`;
const POW = "x-weiquan-pow";

beforeAll(async () => {
  api = await startApi({ demo: true });
}, 240_000);
afterAll(() => api.close());

const filing = (subject: string) => ({
  kind: "complaint",
  consumer: { name: "赵大妈", phone: "13612345678", address: "宝坻区南关社区 3 号楼" },
  business: { name: "南关超市", address: "南关大街 1 号" },
  category: "goods.food",
  subject,
  description: "11 月 20 日在南关超市买的牛奶已过期三天。",
  request: "退款并赔偿",
  consent: true,
});
const file = (subject: string, pow?: string) =>
  api.call("POST", `${base}/cases`, { body: filing(subject), headers: pow ? { [POW]: pow } : {} });

interface Challenge {
  challenge: string;
  salt: string;
  maxNumber: number;
  signature: string;
}
/** What the page does: tries numbers until SHA-256(salt + n) is the challenge. */
function solve(c: Challenge): number {
  for (let n = 0; n < c.maxNumber; n++)
    if (createHash("sha256").update(`${c.salt}${n}`).digest("hex") === c.challenge) return n;
  throw new Error("unsolvable");
}
const header = (c: Challenge, number: number, over: Partial<Challenge> = {}) =>
  Buffer.from(JSON.stringify({ ...c, ...over, number })).toString("base64url");

/** The county's filings this hour, as the limiter counts them. */
async function countyWindow(by = 0) {
  const tenant = await api.deps.control.tenants.getByCountyCode(county);
  const table = await api.deps.tenantAccess.forTenant(tenant!.id);
  return (await new RateLimitsRepository(table).add("fileTenant", 3600, api.deps.now().getTime(), by)).count;
}

describe("the public intake past its normal rate", () => {
  it("files without a challenge while the county is under its normal rate", async () => {
    expect((await file("平常的一小时")).status).toBe(201);
  });

  it("asks for a challenge, counts nothing, and files once it is solved", async () => {
    await countyWindow(publicChallenge.normalPerHour);
    const before = await countyWindow();
    const asked = await file("繁忙的一小时");
    expectError(asked, 429, "CHALLENGE_REQUIRED");
    expect(asked.headers.get("retry-after")).toBeNull();
    const c = asked.body.error.details as Challenge;
    expect(c).toMatchObject({ algorithm: "SHA-256", maxNumber: publicChallenge.maxNumber });
    expect(await countyWindow()).toBe(before);

    const filed = await file("繁忙的一小时", header(c, solve(c)));
    expect(filed.status).toBe(201);
    expect(filed.body.trackingNo).toMatch(/^\d{6}/);
    expect(await countyWindow()).toBe(before + 1);
  }, 120_000);

  it("refuses a solution used twice, a wrong number, an edited signature, another county's salt", async () => {
    const c = (await file("再来一次")).body.error.details as Challenge;
    const n = solve(c);
    expect((await file("第一次", header(c, n))).status).toBe(201);
    expectError(await file("重放", header(c, n)), 429, "CHALLENGE_REQUIRED");

    const d = (await file("再来一次")).body.error.details as Challenge;
    const m = solve(d);
    expectError(await file("猜的数", header(d, (m + 1) % d.maxNumber)), 429, "CHALLENGE_REQUIRED");
    expectError(await file("改签名", header(d, m, { signature: "0".repeat(64) })), 429, "CHALLENGE_REQUIRED");
    const otherSalt = d.salt.replace(county, "110101");
    const forged = {
      salt: otherSalt,
      challenge: createHash("sha256").update(`${otherSalt}${m}`).digest("hex"),
    };
    expectError(await file("别的县", header(d, m, forged)), 429, "CHALLENGE_REQUIRED");
    expectError(await file("乱码", "%%%"), 429, "CHALLENGE_REQUIRED");
    // The untouched solution still files: the failures above spent nothing.
    expect((await file("第二次", header(d, m))).status).toBe(201);
  }, 120_000);
});
