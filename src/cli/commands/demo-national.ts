import { SingleBar } from "cli-progress";
import { z } from "zod";
import { loadContent } from "../../domain/content/load-content.ts";
import { loadNationalReference } from "../../domain/content/national-reference.ts";
import { DomainError } from "../../domain/errors.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { issueDetails } from "../../domain/validation.ts";
import {
  generateNationalDemo,
  type NationalDemoProgress,
  type NationalDemoReport,
} from "../../server/services/generate-national-demo.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

const count = (max: number) => z.coerce.number().int().min(1).max(max);

const optionsSchema = z.strictObject({
  agencies: count(100_000).default(8300),
  responses: count(50_000_000).default(1_350_000),
  years: count(20).default(2),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(2568),
  lastYear: z.coerce.number().int().min(2500).max(2700).optional(),
});

export type DemoNationalOptions = z.input<typeof optionsSchema>;

const PHASE_TH: Record<NationalDemoProgress["phase"], string> = {
  agencies: "สร้างหน่วยงาน / agencies",
  responses: "คำตอบแบบวัด / responses",
  verdicts: "ผลตรวจ OIT / OIT verdicts",
  measures: "มาตรการ / measures",
  results: "คำนวณผล / scoring",
};

/** `prongsai demo national`: a synthetic country in the configured database, with a progress bar. */
export async function demoNationalCommand(
  env: Record<string, string | undefined>,
  raw: DemoNationalOptions,
  out: (line: string) => void,
  showProgress = false,
): Promise<NationalDemoReport> {
  const parsed = optionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new DomainError("INPUT_INVALID", "invalid options for demo national", {
      userMessage: "ตัวเลือกของคำสั่งไม่ถูกต้อง",
      details: parsed.error.issues.flatMap((issue) =>
        issueDetails(issue).map((d) => ({
          ...d,
          path: `--${d.path.replace("lastYear", "last-year")}`,
        })),
      ),
    });
  const options = parsed.data;
  const content = loadContent();
  const publishedMeans = new Map(
    Object.entries(content.national.years).map(([fy, y]) => [Number(fy), y.nationalMean]),
  );
  const bar = showProgress
    ? new SingleBar({
        format:
          "{phase} {bar} {percentage}% {value}/{total} คำตอบ / responses · ETA {eta_formatted}",
        stream: process.stderr,
      })
    : undefined;
  bar?.start(options.responses * options.years, 0, { phase: PHASE_TH.agencies });
  try {
    const report = await withConfiguredDatabase(env, (database) =>
      generateNationalDemo({
        db: database.db,
        frameworks: loadFrameworks(),
        reference: loadNationalReference(),
        publishedMeans,
        suggestedMeasures: content.measures,
        agencies: options.agencies,
        responsesPerYear: options.responses,
        years: options.years,
        seed: options.seed,
        lastFiscalYear: options.lastYear,
        onProgress: (p) =>
          bar?.update(p.done, {
            phase: `${PHASE_TH[p.phase]}${p.fiscalYear ? ` ${p.fiscalYear}` : ""}`,
          }),
      }),
    );
    bar?.stop();
    out(
      `สร้างข้อมูลสาธิตระดับประเทศแล้ว / national demo generated: ${report.agencies} หน่วยงาน / agencies, ปีงบประมาณ / fiscal years ${report.fiscalYears.join(", ")}`,
    );
    out(`  คำตอบแบบวัด / responses: ${report.responses}`);
    out(`  ผลตรวจ OIT / OIT verdicts: ${report.verdicts}`);
    out(`  มาตรการ / measures: ${report.measures}`);
    out(`  ผลที่คำนวณ / results scored: ${report.results.scored}`);
    return report;
  } catch (error) {
    bar?.stop();
    throw error;
  }
}
