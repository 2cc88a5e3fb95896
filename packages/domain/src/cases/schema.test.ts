import { describe, expect, it } from "vitest";
import { CreateCaseInput, TransitionInput } from "./schema.ts";

/** A complete walk-in complaint; each test removes or changes what it is about. */
const complaint = () => ({
  kind: "complaint",
  channel: "walk_in",
  consumer: { name: "张桂芳", phone: "13812348000", address: "宝坻区南关大街 5 号" },
  business: { name: "宝坻区惠民家电商店", address: "宝坻区南关大街 18 号" },
  category: "goods.appliances",
  subject: "新买的电冰箱不制冷",
  description: "使用三天后不制冷，商家拒绝退换。",
  request: "退货并退还货款",
});

/** The failing paths of a parse, dotted and sorted ([] when it passes). */
function failing(input: unknown): string[] {
  const r = CreateCaseInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join(".")).sort();
}

describe("CreateCaseInput for a complaint (the regulation's required fields)", () => {
  it("accepts a complete complaint", () => {
    expect(failing(complaint())).toEqual([]);
  });

  it.each([
    [
      "consumer.name",
      (c: ReturnType<typeof complaint>) => delete (c.consumer as Partial<typeof c.consumer>).name,
    ],
    [
      "consumer.phone",
      (c: ReturnType<typeof complaint>) => delete (c.consumer as Partial<typeof c.consumer>).phone,
    ],
    [
      "consumer.address",
      (c: ReturnType<typeof complaint>) => delete (c.consumer as Partial<typeof c.consumer>).address,
    ],
    [
      "business.name",
      (c: ReturnType<typeof complaint>) => delete (c.business as Partial<typeof c.business>).name,
    ],
    [
      "business.address",
      (c: ReturnType<typeof complaint>) => delete (c.business as Partial<typeof c.business>).address,
    ],
    ["request", (c: ReturnType<typeof complaint>) => delete (c as Partial<typeof c>).request],
    ["description", (c: ReturnType<typeof complaint>) => delete (c as Partial<typeof c>).description],
  ])("names %s when it is missing, and nothing else", (path, remove) => {
    const c = complaint();
    remove(c);
    expect(failing(c)).toEqual([path]);
  });

  it("names every missing field at once", () => {
    const { consumer: _c, business: _b, request: _r, ...rest } = complaint();
    expect(failing(rest)).toEqual([
      "business.address",
      "business.name",
      "consumer.address",
      "consumer.name",
      "consumer.phone",
      "request",
    ]);
  });

  it("takes a multi-select request instead of free text", () => {
    const { request: _r, ...rest } = complaint();
    expect(failing({ ...rest, requestTypes: ["return", "refund"] })).toEqual([]);
    expect(failing({ ...rest, requestTypes: [] })).toEqual(["request"]);
  });

  it("treats blank text as missing", () => {
    expect(failing({ ...complaint(), description: "   " })).toEqual(["description"]);
    expect(failing({ ...complaint(), subject: "" })).toEqual(["subject"]);
  });

  it("bounds subject, description and request", () => {
    expect(failing({ ...complaint(), subject: "字".repeat(101) })).toEqual(["subject"]);
    expect(failing({ ...complaint(), subject: "字".repeat(100) })).toEqual([]);
    expect(failing({ ...complaint(), description: "字".repeat(5001) })).toEqual(["description"]);
    expect(failing({ ...complaint(), request: "字".repeat(1001) })).toEqual(["request"]);
  });

  it("checks the identifiers, phone, category, amount and date", () => {
    const c = complaint();
    expect(failing({ ...c, consumer: { ...c.consumer, idNumber: "110105194912310021" } })).toEqual([
      "consumer.idNumber",
    ]);
    expect(failing({ ...c, business: { ...c.business, creditCode: "91110108551385082A" } })).toEqual([
      "business.creditCode",
    ]);
    expect(failing({ ...c, consumer: { ...c.consumer, phone: "12345" } })).toEqual(["consumer.phone"]);
    expect(failing({ ...c, category: "goods.spaceships" })).toEqual(["category"]);
    expect(failing({ ...c, amountFen: -1 })).toEqual(["amountFen"]);
    expect(failing({ ...c, amountFen: 1.5 })).toEqual(["amountFen"]);
    expect(failing({ ...c, occurredAt: "2026-11-01" })).toEqual(["occurredAt"]);
    expect(failing({ ...c, kind: "lawsuit" })).toEqual(["kind"]);
  });

  it("normalizes identifiers before checking them (lower-case x, spaces)", () => {
    const c = complaint();
    const r = CreateCaseInput.parse({
      ...c,
      consumer: { ...c.consumer, idNumber: " 11010519491231002x " },
      business: { ...c.business, creditCode: "91110108551385082q" },
    });
    expect(r.consumer?.idNumber).toBe("11010519491231002X");
    expect(r.business?.creditCode).toBe("91110108551385082Q");
  });

  it("accepts landlines with an area code", () => {
    const c = complaint();
    for (const phone of ["022-29241234", "02229241234", "022-29241234-801", "+86 13812348000"])
      expect(failing({ ...c, consumer: { ...c.consumer, phone } }), phone).toEqual([]);
  });
});

describe("CreateCaseInput for a report and a consultation", () => {
  const report = {
    kind: "report",
    channel: "phone",
    business: { name: "某无证小作坊" },
    category: "goods.food",
    subject: "无证生产辣条",
    description: "村东头有人无证生产辣条",
  };

  it("accepts an anonymous report without consumer, business address or request", () => {
    expect(failing(report)).toEqual([]);
    expect(failing({ ...report, business: undefined })).toEqual([]);
  });

  it("still requires the facts of a report", () => {
    const { description: _d, ...rest } = report;
    expect(failing(rest)).toEqual(["description"]);
  });

  it("needs somebody to answer for a consultation", () => {
    const q = { ...report, kind: "consultation", business: undefined };
    expect(failing(q)).toEqual(["consumer.name", "consumer.phone"]);
    expect(failing({ ...q, consumer: { name: "赵大爷", phone: "022-29241234" } })).toEqual([]);
  });
});

describe("TransitionInput", () => {
  it("requires the regulation's ground to reject, and a note with 'other'", () => {
    const paths = (i: unknown) => {
      const r = TransitionInput.safeParse(i);
      return r.success ? [] : r.error.issues.map((x) => x.path.join("."));
    };
    expect(paths({ action: "reject", version: 1, reason: "outside_jurisdiction" })).toEqual([]);
    expect(paths({ action: "reject", version: 1, reason: "other_legal_ground" })).toEqual(["note"]);
    expect(paths({ action: "reject", version: 1, reason: "other_legal_ground", note: "依据某条" })).toEqual(
      [],
    );
    expect(paths({ action: "reject", version: 1, reason: "because" })).toEqual(["reason"]);
    expect(paths({ action: "resolve", version: 1, agreement: "退款", recoveredFen: -5 })).toEqual([
      "recoveredFen",
    ]);
    expect(paths({ action: "accept", version: 0 })).toEqual(["version"]);
  });
});
