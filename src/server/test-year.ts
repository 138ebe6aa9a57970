import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import {
  type AgencyYearFile,
  agencyYearSchema,
  type MeasureInput,
} from "../domain/agency-year/schema.ts";
import { loadFrameworks } from "../domain/framework/load-frameworks.ts";
import { scoreFromIndicators } from "../domain/scoring/overall.ts";
import type { Db } from "./db/database.ts";
import { assessments, measures as measuresTable, results } from "./db/schema.ts";
import { createAgency } from "./services/create-agency.ts";

// Test-only: the Huai Sak example as database rows (agency, assessments 2565 and 2566, the 2565
// result and the 2566 measures), the way the assessment, result and measure routes store them.

const examplePath = fileURLToPath(new URL("../../examples/huai-sak-2566.yaml", import.meta.url));

/** The example file, parsed and typed. */
export function huaiSakExample(): AgencyYearFile {
  return agencyYearSchema.parse(parse(readFileSync(examplePath, "utf8")));
}

export interface HuaiSakYearOptions {
  db: Db;
  agency?: Partial<AgencyYearFile["agency"]>;
  /** Store the 2565 result the 2566 measures analyse (default true). */
  result?: boolean;
  /** Also store a 2564 result, as history (default false). */
  history?: boolean;
  /** The 2566 measures; the example's by default. */
  measures?: MeasureInput[];
}

export interface HuaiSakYear {
  agencyId: string;
  /** The 2566 assessment: the measures' year. */
  assessmentId: string;
  example: AgencyYearFile;
}

const frameworks = loadFrameworks();

export async function insertHuaiSakYear(options: HuaiSakYearOptions): Promise<HuaiSakYear> {
  const { db } = options;
  const example = huaiSakExample();
  const { id: agencyId } = await createAgency({
    db,
    actor: "test",
    agency: { ...example.agency, ...options.agency },
  });
  const assess = async (fiscalYear: number) => {
    const [row] = await db
      .insert(assessments)
      .values({ agencyId, fiscalYear, frameworkId: `ita-${fiscalYear}` })
      .returning({ id: assessments.id });
    if (!row) throw new Error("insert returned no assessment");
    return row.id;
  };
  const storeResult = async (fiscalYear: number, indicators: Record<string, number>) => {
    const framework = frameworks.get(`ita-${fiscalYear}`);
    if (!framework) throw new Error(`no framework ita-${fiscalYear}`);
    const scored = scoreFromIndicators(
      framework,
      new Map(Object.entries(indicators).map(([k, v]) => [Number(k), v])),
    );
    await db.insert(results).values({
      agencyId,
      assessmentId: await assess(fiscalYear),
      source: "entered",
      indicators,
      computedOverall: scored.overall,
      computedLevel: scored.level,
      updatedBy: "test",
    });
  };
  const assessmentId = await assess(2566);
  if (options.result ?? true) await storeResult(2565, example.results.indicators);
  else await assess(2565);
  if (options.history) {
    const lower = Object.entries(example.results.indicators).map(([k, v]) => [k, v - 5]);
    await storeResult(2564, Object.fromEntries(lower));
  }
  const planned = options.measures ?? example.measures;
  for (const [position, m] of planned.entries())
    await db.insert(measuresTable).values({ agencyId, assessmentId, position, ...m });
  return { agencyId, assessmentId, example };
}
