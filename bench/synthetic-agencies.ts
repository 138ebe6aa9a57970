import type { Content } from "../src/domain/content/schema.ts";

export { seededRandom } from "../src/domain/national-demo/seeded-random.ts";

const provinces = ["เชียงราย", "น่าน", "ขอนแก่น", "นครราชสีมา", "สงขลา", "ชลบุรี", "ลำปาง", "อุดรธานี"];
const divisions = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา", "กองสาธารณสุขและสิ่งแวดล้อม"];

/** An agency-year file as a user would write it, with measures from the suggested library. */
export function syntheticAgencyYear(i: number, content: Content, random: () => number): unknown {
  const indicators: Record<string, number> = {};
  for (let n = 1; n <= 10; n++) indicators[n] = Math.round((55 + random() * 45) * 100) / 100;
  const weak = Object.entries(indicators)
    .sort((a, b) => a[1] - b[1])
    .slice(0, 3)
    .map(([n]) => Number(n));
  const measures = weak.flatMap((n) =>
    content.measures
      .filter((m) => m.indicators.includes(n))
      .slice(0, 1)
      .map((m) => ({
        title: m.title,
        steps: m.steps,
        responsible: [divisions[(i + n) % divisions.length]],
        monitoring: [{ date: "2566-03-31", activity: "รายงานความก้าวหน้าและสรุปผล" }],
        indicators: m.indicators,
      })),
  );
  const province = provinces[i % provinces.length] ?? "เชียงราย";
  return {
    agency: {
      name: `เทศบาลตำบลตัวอย่างที่ ${i + 1}`,
      type: "เทศบาลตำบล",
      district: `เมือง${province}`,
      province,
      website: `https://www.example-${i + 1}.go.th`,
      head: { position: `นายกเทศมนตรีตำบลตัวอย่างที่ ${i + 1}` },
      divisions,
    },
    fiscalYear: 2566,
    results: { fiscalYear: 2565, indicators },
    history: [{ fiscalYear: 2564, overall: Math.round((60 + random() * 35) * 100) / 100 }],
    measures,
    approval: { signatory: { position: `นายกเทศมนตรีตำบลตัวอย่างที่ ${i + 1}` }, date: "2565-11-15" },
  };
}
