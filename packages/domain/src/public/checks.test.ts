import { describe, expect, it } from "vitest";
import { checkField, type PublicField, type PublicKind, requiredFields, yuanToFen } from "./checks.ts";
import { formatQueryCode, newQueryCode, normalizeQueryCode, QUERY_CODE } from "./code.ts";
import { consentNoticeFor } from "./notice.ts";
import { PublicCaseInput } from "./schema.ts";

const full = {
  "consumer.name": "张桂芳",
  "consumer.phone": "13812348000",
  "consumer.address": "宝坻区南关大街 5 号",
  "business.name": "惠民家电商店",
  "business.address": "南关大街 18 号",
  category: "goods.appliances",
  subject: "冰箱不制冷",
  description: "买了三天就不制冷",
  request: "退货",
} as Record<PublicField, string>;

function body(kind: PublicKind, v: Partial<Record<PublicField, string>>) {
  const s = (k: PublicField) => v[k] || undefined;
  return {
    kind,
    consumer: { name: s("consumer.name"), phone: s("consumer.phone"), address: s("consumer.address") },
    business: { name: s("business.name"), address: s("business.address") },
    category: v.category ?? "goods.food",
    subject: v.subject ?? "x",
    description: v.description ?? "x",
    request: s("request"),
    consent: true,
  };
}

describe("the page's light checks agree with the API's schema", () => {
  for (const kind of ["complaint", "report", "consultation"] as const) {
    it(`requires the same fields of a ${kind}`, () => {
      for (const field of Object.keys(full) as PublicField[]) {
        const without = { ...full, [field]: "" };
        const pageSays = checkField(kind, field, "") !== null;
        const parsed = PublicCaseInput.safeParse(body(kind, without));
        const apiSays = !parsed.success && parsed.error.issues.some((i) => i.path.join(".") === field);
        if (field === "category" || field === "subject" || field === "description") continue; // always required
        expect([field, pageSays]).toEqual([field, apiSays]);
      }
      expect(requiredFields[kind]).toEqual(expect.arrayContaining(["category", "subject", "description"]));
    });
  }

  it("rejects the same phone numbers", () => {
    for (const phone of [
      "13812348000",
      "022-29241234",
      "02229241234",
      "12345",
      "1381234800",
      "+8613812348000",
    ]) {
      const pageOk = checkField("complaint", "consumer.phone", phone) === null;
      const apiOk = PublicCaseInput.safeParse(
        body("complaint", { ...full, "consumer.phone": phone }),
      ).success;
      expect([phone, pageOk]).toEqual([phone, apiOk]);
    }
  });

  it("requires consent", () => {
    expect(PublicCaseInput.safeParse({ ...body("complaint", full), consent: false }).success).toBe(false);
    expect(PublicCaseInput.safeParse(body("complaint", full)).success).toBe(true);
  });

  it("reads amounts in yuan as fen", () => {
    expect(yuanToFen("329.9")).toBe(32990);
    expect(yuanToFen("12")).toBe(1200);
    expect(yuanToFen("1.234")).toBeNull();
    expect(yuanToFen("abc")).toBeNull();
  });
});

describe("query codes", () => {
  it("are 10 letters of the 32-letter alphabet, different each time", () => {
    const codes = new Set(Array.from({ length: 1000 }, newQueryCode));
    expect(codes.size).toBe(1000);
    for (const c of codes) expect(c).toMatch(QUERY_CODE);
  });
  it("read back whatever the consumer typed", () => {
    expect(normalizeQueryCode("abcde-23456")).toBe("ABCDE23456");
    expect(formatQueryCode("ABCDE23456")).toBe("ABCDE-23456");
  });
});

it("fills the tenant's name into the default notice and keeps a tenant's own text", () => {
  expect(consentNoticeFor("宝坻区局")).toContain("宝坻区局（以下简称");
  expect(consentNoticeFor("宝坻区局", "我们的告知")).toBe("我们的告知");
});
