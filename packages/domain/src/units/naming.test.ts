import { describe, expect, it } from "vitest";
import { placeName, unitNameFrom } from "./naming.ts";

describe("统一名称 of pre-populated units", () => {
  it("names the place a village committee serves, not the committee", () => {
    expect(placeName("荆庄社区居民委员会")).toBe("荆庄社区");
    expect(placeName("石幢南社区居委会")).toBe("石幢南社区");
    expect(placeName("东村村委会")).toBe("东村");
    expect(placeName("大口屯村委会")).toBe("大口屯村");
    expect(placeName("张庄村民委员会")).toBe("张庄村");
    expect(placeName("西关居委会")).toBe("西关社区");
    expect(placeName("荆河街道")).toBe("荆河街道");
  });

  it("fills the tenant's pattern, or appends a pattern without a placeholder", () => {
    expect(unitNameFrom("{乡镇}消费维权服务站", "荆河街道")).toBe("荆河街道消费维权服务站");
    expect(unitNameFrom("{村社区}消费维权服务点", "荆庄社区")).toBe("荆庄社区消费维权服务点");
    expect(unitNameFrom("滕州市{村社区}消费维权服务点", "荆庄社区")).toBe("滕州市荆庄社区消费维权服务点");
    expect(unitNameFrom("消费维权联络站", "东村")).toBe("东村消费维权联络站");
    expect(unitNameFrom("{乡镇}服务站", "x".repeat(120))).toHaveLength(100);
  });
});
