import { describe, expect, it } from "vitest";
import { maskAddress, maskIdNumber, maskName, maskPerson, maskPhone, personFor } from "./mask.ts";

describe("masking personal information, one rule per field", () => {
  it("keeps a name's surname and hides the rest, one star a character", () => {
    expect(maskName("张桂芳")).toBe("张**");
    expect(maskName("王磊")).toBe("王*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("张")).toBe("*");
  });

  it("keeps a phone's first three and last four digits (two for a landline without area code)", () => {
    expect(maskPhone("13812348000")).toBe("138****8000");
    expect(maskPhone("022-29241234")).toBe("022****1234");
    expect(maskPhone("2924123")).toBe("292****23");
    expect(maskPhone("12315")).toBe("****");
  });

  it("keeps an address's district only", () => {
    expect(maskAddress("宝坻区南关大街 5 号")).toBe("宝坻区****");
  });

  it("keeps an ID number's region and last four", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
  });

  it("masks a person field by field and leaves absent fields absent", () => {
    const p = { name: "张桂芳", phone: "13812348000" };
    expect(maskPerson(p)).toEqual({ name: "张**", phone: "138****8000" });
    expect(personFor(p, true)).toBe(p);
    expect(personFor(p, false)).toEqual({ name: "张**", phone: "138****8000" });
  });
});
