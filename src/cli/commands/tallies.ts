import { z } from "zod";
import { DomainError } from "../../domain/errors.ts";
import { type RebuildReport, rebuildTallies } from "../../server/services/rebuild-tallies.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

export interface TalliesOptions {
  check?: boolean;
  agency?: string;
}

/** What `--check` found: one Thai/English line per disagreeing tally row, and their summary. */
export interface TalliesDisagree {
  lines: string[];
  summary: string;
}

function describeDifference(d: RebuildReport["differences"][number]): string {
  const item = d.itemId === "" ? "ผู้ตอบ / respondents" : `${d.itemId}=${d.optionId}`;
  return `  • ${d.agencyId} ${d.assessmentId} ${d.tool} ${item}: เก็บไว้ ${d.stored} นับจากคำตอบได้ ${d.rebuilt} / stored ${d.stored}, counted ${d.rebuilt}`;
}

/**
 * Counts the survey tallies again from the stored responses. With `check`, only compares and
 * returns the disagreements; otherwise rewrites the tallies and says what changed.
 */
export async function talliesRebuildCommand(
  env: Record<string, string | undefined>,
  options: TalliesOptions,
  out: (line: string) => void,
): Promise<TalliesDisagree | undefined> {
  const agencyId = options.agency;
  if (agencyId !== undefined && !z.uuid().safeParse(agencyId).success)
    throw new DomainError("INPUT_INVALID", `--agency ${agencyId} is not an agency id`, {
      userMessage: "รหัสหน่วยงานไม่ถูกต้อง",
      details: [
        { path: "--agency", th: "ต้องเป็นรหัส UUID ของหน่วยงาน", en: "must be an agency's UUID" },
      ],
    });
  return withConfiguredDatabase(env, async (database) => {
    const report = await rebuildTallies(database.db, { write: !options.check, agencyId });
    const changed = report.differences.length;
    if (options.check) {
      if (changed === 0) {
        out(`ตรงกัน / tallies agree: ${report.rows} rows`);
        return undefined;
      }
      return {
        lines: report.differences.map(describeDifference),
        summary: `ผลนับไม่ตรงกับคำตอบ ${changed} แถว / tallies disagree with the responses in ${changed} rows`,
      };
    }
    for (const d of report.differences) out(describeDifference(d));
    out(
      changed === 0
        ? `ตรงกันอยู่แล้ว เขียนใหม่ ${report.rows} แถว / tallies already agreed: ${report.rows} rows rewritten`
        : `เขียนผลนับใหม่แล้ว ${report.rows} แถว แก้ ${changed} แถว / tallies rewritten: ${report.rows} rows, ${changed} changed`,
    );
    return undefined;
  });
}
