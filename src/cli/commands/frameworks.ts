import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";

export function frameworksCommand(options: { json?: boolean }, out: (line: string) => void): void {
  const rows = [...loadFrameworks().values()].map((f) => ({
    id: f.id,
    fiscalYear: f.fiscalYear,
    name: f.name.th,
    indicators: f.indicators.length,
    questions: f.questions.length,
    oitItems: f.oit.reduce((n, s) => n + s.items.length, 0),
    rating: f.rating !== undefined,
  }));
  if (options.json) {
    out(JSON.stringify(rows));
    return;
  }
  out("กรอบการประเมินที่โหลดแล้ว / Loaded frameworks:");
  for (const r of rows)
    out(
      `  ${r.id}  ปีงบประมาณ ${r.fiscalYear}  ตัวชี้วัด ${r.indicators}  ข้อคำถาม ${r.questions}  ข้อ OIT ${r.oitItems}  ${r.name}`,
    );
}
