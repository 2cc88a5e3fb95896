import { describe, expect, it } from "vitest";
import { AppError } from "../common/errors.ts";
import { type MetricFacts, metricCodes } from "./metrics.ts";
import { CreateTemplateInput, PatchSheetInput, type TemplateItem } from "./schema.ts";
import {
  applyScores,
  autoItem,
  incompleteProblem,
  rankSheets,
  sheetTotal,
  starsFor,
  templateProblem,
} from "./score.ts";

const facts = (subtree: Record<string, number>, members = 1): MetricFacts => ({
  subtree,
  members: Array.from({ length: members }, (_, i) => ({ unitId: `u${i}`, own: {}, compliant: true })),
  trainingMinPerYear: 2,
});
const onTime = (over: Partial<TemplateItem> = {}): TemplateItem => ({
  code: "ontime",
  title: "按时受理",
  maxPoints: 20,
  source: "auto",
  metric: "on_time_acceptance_rate",
  ...over,
});
const manual = (code: string, maxPoints: number): TemplateItem => ({
  code,
  title: code,
  maxPoints,
  source: "manual",
});
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return null;
};

describe("templates", () => {
  it("refuses items that do not add up to 100 points (422 TEMPLATE_NOT_100)", () => {
    expect(templateProblem([manual("a", 60), manual("b", 30)])?.code).toBe("TEMPLATE_NOT_100");
    expect(templateProblem([manual("a", 60), manual("b", 40)])).toBeNull();
  });

  it("accepts every defined metric now that each capability records its counters", () => {
    for (const metric of metricCodes) {
      const items = [onTime({ metric, maxPoints: 40 }), manual("b", 60)];
      expect(templateProblem(items), metric).toBeNull();
    }
  });

  it("names the field of a malformed template (auto without metric, duplicate code, threshold above max)", () => {
    const r = CreateTemplateInput.safeParse({
      year: "2026",
      name: "年度考核",
      appliesTo: ["station"],
      items: [
        { code: "a", title: "A", maxPoints: 50, source: "auto" },
        { code: "a", title: "B", maxPoints: 50, source: "manual" },
        {
          code: "c",
          title: "C",
          maxPoints: 5,
          source: "auto",
          metric: "four_ones",
          scale: { thresholds: [{ atLeast: 1, points: 6 }] },
        },
      ],
    });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["items.0.metric", "items.1.code", "items.2.scale.thresholds.0.points"]),
    );
  });

  it("reads a numeric year as the string year", () => {
    const r = CreateTemplateInput.parse({
      year: 2026,
      name: "年度考核",
      appliesTo: ["point"],
      items: [manual("a", 100)],
    });
    expect(r.year).toBe("2026");
  });
});

describe("auto items", () => {
  it("scales linearly: maxPoints × rate, to two decimals", () => {
    expect(autoItem(onTime(), facts({ decided: 3, decidedOnTime: 2 })).points).toBe(13.33);
    expect(autoItem(onTime(), facts({ decided: 4, decidedOnTime: 4 })).points).toBe(20);
  });

  it("scores thresholds by the best step reached, 0 below the lowest", () => {
    const item = onTime({
      scale: {
        thresholds: [
          { atLeast: 0.95, points: 20 },
          { atLeast: 0.8, points: 12 },
        ],
      },
    });
    expect(autoItem(item, facts({ decided: 20, decidedOnTime: 19 })).points).toBe(20);
    expect(autoItem(item, facts({ decided: 10, decidedOnTime: 8 })).points).toBe(12);
    expect(autoItem(item, facts({ decided: 10, decidedOnTime: 7 })).points).toBe(0);
  });

  it("compares a count metric's thresholds with the count and caps its linear scale at the target", () => {
    const publicity = {
      code: "pub",
      title: "宣传",
      maxPoints: 10,
      source: "auto",
      metric: "publicity_events",
    } as const;
    const stepped = { ...publicity, scale: { thresholds: [{ atLeast: 3, points: 10 }] } };
    expect(autoItem(stepped, facts({ "publicity.events": 3 }, 5)).points).toBe(10);
    expect(autoItem(publicity, facts({ "publicity.events": 3 }, 2)).points).toBe(7.5); // 3 of 2 × 2
    expect(autoItem(publicity, facts({ "publicity.events": 9 }, 2)).points).toBe(10);
    expect(autoItem({ ...publicity, target: 1 }, facts({ "publicity.events": 1 }, 2)).points).toBe(5);
  });

  it("without data scores full points by default, or zero, or leaves it to a person", () => {
    expect(autoItem(onTime(), facts({}))).toEqual({
      code: "ontime",
      points: 20,
      auto: true,
      input: { numerator: 0, denominator: 0 },
      noData: true,
    });
    expect(autoItem(onTime({ ifNoData: "zero" }), facts({})).points).toBe(0);
    expect(autoItem(onTime({ ifNoData: "manual" }), facts({})).points).toBeNull();
  });
});

describe("scoring a sheet by hand", () => {
  const template = [onTime({ ifNoData: "manual" }), manual("site", 50), manual("files", 30)];
  const items = [
    { code: "ontime", points: 15, auto: true, input: { numerator: 3, denominator: 4 } },
    { code: "site", points: null, auto: false },
    { code: "files", points: null, auto: false },
  ];

  it("sets manual items with notes and counts what is left unscored", () => {
    const out = applyScores(items, template, [{ code: "site", points: 45.5, note: "台账规范" }], "u1", "t");
    expect(out.items[1]).toMatchObject({ points: 45.5, note: "台账规范", scoredBy: "u1", scoredAt: "t" });
    expect(out.unscoredDelta).toBe(-1);
    expect(sheetTotal(out.items)).toBeNull();
    const done = applyScores(out.items, template, [{ code: "files", points: 30 }], "u1", "t");
    expect(sheetTotal(done.items)).toBe(90.5);
    expect(
      applyScores(done.items, template, [{ code: "files", points: null }], "u1", "t").unscoredDelta,
    ).toBe(1);
  });

  it("keeps an item's evidence as the whole list named: files shown stay, new ones come from their links", () => {
    const ref = (id: string) => ({ id, fileName: `${id}.png`, contentType: "image/png" as const, size: 9 });
    const first = applyScores(
      items,
      template,
      [{ code: "site", points: 40, attachmentIds: ["a", "b"] }],
      "u1",
      "t",
      new Map([
        ["a", ref("a")],
        ["b", ref("b")],
      ]),
    );
    expect(first.items[1]!.attachments).toEqual([ref("a"), ref("b")]);
    const next = applyScores(
      first.items,
      template,
      [{ code: "site", points: 40, attachmentIds: ["b", "c"] }],
      "u1",
      "t",
      new Map([["c", ref("c")]]),
    );
    expect(next.items[1]!.attachments).toEqual([ref("b"), ref("c")]);
    // Without attachmentIds the files stay as they were.
    const same = applyScores(next.items, template, [{ code: "site", points: 41 }], "u1", "t");
    expect(same.items[1]!.attachments).toEqual([ref("b"), ref("c")]);
  });

  it("refuses points above the item's maximum, auto items and unknown codes (422)", () => {
    expect(codeOf(() => applyScores(items, template, [{ code: "site", points: 51 }], "u", "t"))).toBe(
      "POINTS_OUT_OF_RANGE",
    );
    expect(codeOf(() => applyScores(items, template, [{ code: "ontime", points: 1 }], "u", "t"))).toBe(
      "ITEM_NOT_MANUAL",
    );
    expect(codeOf(() => applyScores(items, template, [{ code: "nope", points: 1 }], "u", "t"))).toBe(
      "UNKNOWN_ITEM",
    );
  });

  it("lets a person score an auto item without data when the template says so", () => {
    const noData = [
      { code: "ontime", points: null, auto: true, input: { numerator: 0, denominator: 0 }, noData: true },
    ];
    expect(applyScores(noData, template, [{ code: "ontime", points: 18 }], "u", "t").items[0]!.points).toBe(
      18,
    );
  });

  it("refuses negative points and a repeated code as bad input (400)", () => {
    const r = PatchSheetInput.safeParse({
      version: 1,
      items: [
        { code: "site", points: -1 },
        { code: "site", points: 1 },
      ],
    });
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["items.0.points", "items.1.code"]);
  });
});

describe("finalizing", () => {
  it("gives the most stars whose threshold the total reaches, none below the lowest", () => {
    const rules = [
      { atLeast: 90, stars: 3 },
      { atLeast: 80, stars: 2 },
      { atLeast: 70, stars: 1 },
    ];
    expect([95, 90, 89.99, 70, 69.5].map((t) => starsFor(t, rules))).toEqual([3, 3, 2, 1, 0]);
    expect(starsFor(100, [])).toBe(0);
  });

  it("ranks within each unit type, ties sharing a rank and the next skipping", () => {
    const ranks = rankSheets([
      { unitId: "s1", unitType: "station", total: 80, order: "a" },
      { unitId: "s2", unitType: "station", total: 92, order: "b" },
      { unitId: "p1", unitType: "point", total: 70, order: "c" },
      { unitId: "p2", unitType: "point", total: 90, order: "d" },
      { unitId: "p3", unitType: "point", total: 90, order: "e" },
      { unitId: "p4", unitType: "point", total: 60, order: "f" },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({ s2: 1, s1: 2, p2: 1, p3: 1, p1: 3, p4: 4 });
  });

  it("refuses while a manual item is unscored (422 SHEETS_INCOMPLETE), naming the sheets", () => {
    const problem = incompleteProblem([
      { unitId: "a", unitName: "甲", items: [{ code: "x", points: 1, auto: false }] },
      { unitId: "b", unitName: "乙", items: [{ code: "x", points: null, auto: false }] },
    ]);
    expect(problem?.code).toBe("SHEETS_INCOMPLETE");
    expect(problem?.details).toEqual({
      sheets: 1,
      incomplete: [{ unitId: "b", unitName: "乙", codes: ["x"] }],
    });
    expect(incompleteProblem([])).toBeNull();
  });
});
