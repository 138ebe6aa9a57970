import { describe, expect, it } from "vitest";
import { arabicDigits, fiscalYearsInText, requiredYear, yearsInLabel } from "./fiscal-year.ts";

describe("fiscal year detection", () => {
  it("reads Thai and Arabic digits", () => {
    expect(arabicDigits("ปีงบประมาณ พ.ศ. ๒๕๖๖")).toBe("ปีงบประมาณ พ.ศ. 2566");
    expect(yearsInLabel("แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖")).toEqual([2566]);
    expect(yearsInLabel("procurement-plan-2566.pdf")).toEqual([2566]);
  });

  it("expands spans and short fiscal years", () => {
    expect(yearsInLabel("แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)")).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(yearsInLabel("แผนพัฒนา 2566-70")).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(yearsInLabel("รายงานผล ปีงบ 65")).toEqual([2565]);
  });

  it("ignores numbers that are not years", () => {
    expect(yearsInLabel("โทร 0 4252 5566 ต่อ 125566")).toEqual([]);
    expect(yearsInLabel("ข่าวที่ 12345")).toEqual([]);
  });

  it("in running text counts only years called fiscal years", () => {
    const body =
      "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐ " +
      "เทศบาลได้จัดทำแผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ และทบทวนผลของปีงบประมาณ 2565";
    expect(fiscalYearsInText(body)).toEqual([2565, 2566]);
    expect(fiscalYearsInText("ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2565")).toEqual([]);
  });

  it("maps an item's year rule onto the framework's fiscal year", () => {
    expect(requiredYear({ year: "current" }, 2566)).toBe(2566);
    expect(requiredYear({ year: "previous" }, 2566)).toBe(2565);
    expect(requiredYear({ year: "any" }, 2566)).toBeNull();
  });
});
