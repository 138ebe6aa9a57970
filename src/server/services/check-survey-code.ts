import { and, eq } from "drizzle-orm";
import { normalizeSurveyCode } from "../../domain/survey/survey-codes.ts";
import type { Db } from "../db/database.ts";
import { surveyCodes } from "../db/schema.ts";
import type { SurveyRow } from "./survey-rows.ts";

export type CodeCheck =
  | { status: "ok"; code: string }
  | { status: "unknown" | "used"; code?: never };

/**
 * Whether a printed code admits to this survey now. Only a check: the intake claims the code
 * atomically when the answers are stored, so two people with one code cannot both get in.
 */
export async function checkSurveyCode({
  db,
  survey,
  input,
}: {
  db: Db;
  survey: Pick<SurveyRow, "agencyId" | "assessmentId" | "tool">;
  input: string;
}): Promise<CodeCheck> {
  const code = normalizeSurveyCode(input);
  if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code)) return { status: "unknown" };
  const [row] = await db
    .select({ used: surveyCodes.used })
    .from(surveyCodes)
    .where(
      and(
        eq(surveyCodes.agencyId, survey.agencyId),
        eq(surveyCodes.code, code),
        eq(surveyCodes.assessmentId, survey.assessmentId),
        eq(surveyCodes.tool, survey.tool),
      ),
    );
  if (!row) return { status: "unknown" };
  return row.used ? { status: "used" } : { status: "ok", code };
}
