import { parseAgencyYear } from "../../domain/agency-year/parse-agency-year.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { formatScore } from "../../domain/thai/numerals.ts";
import { readInputFile } from "../read-input.ts";

/** Checks an agency-year file; any problem throws a DomainError listing every field. */
export async function validateCommand(file: string, out: (line: string) => void): Promise<void> {
  const year = parseAgencyYear(await readInputFile(file), loadFrameworks());
  const { agency } = year.file;
  out(`ถูกต้อง / Valid: ${file}`);
  out(`  ${agency.name} อำเภอ${agency.district} จังหวัด${agency.province}`);
  out(`  มาตรการปีงบประมาณ / Measures for FY: ${year.file.fiscalYear}`);
  out(
    `  ผลการประเมินปีงบประมาณ / Results of FY ${year.file.results.fiscalYear} (${year.framework.id}): ` +
      `${formatScore(year.result.overall, "arabic")} ${year.result.level}` +
      (year.result.rating ? ` ${year.result.rating.th}` : ""),
  );
  out(`  มาตรการ / Measures: ${year.measures.length}`);
}
