import { getFramework } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { checkResult, type ResultField } from "../../domain/results/check-result.ts";
import { invalidError } from "../../domain/validation.ts";
import type { ResultBody, ResultResponse } from "../../shared/result.ts";
import type { Db } from "../db/database.ts";
import { findAssessment } from "./find-assessment.ts";
import { toResultResponse } from "./result-response.ts";
import { saveResult } from "./save-result.ts";

export interface EnterResultOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  actor: string;
  agencyId: string;
  assessmentId: string;
  input: ResultBody;
}

/** Records a result typed in by the agency: checked against its framework, recomputed, audited. */
export async function enterResult(options: EnterResultOptions): Promise<ResultResponse> {
  const { db, agencyId, assessmentId } = options;
  const assessment = await findAssessment({ db, agencyId, assessmentId });
  const framework = getFramework(assessment.frameworkId, options.frameworks);
  const check = checkResult(framework, options.input, bodyPath);
  if (!check.ok) throw invalidError("INPUT_INVALID", subject, check.problems);
  const row = await db.transaction((tx) =>
    saveResult({
      db: tx,
      actor: options.actor,
      agencyId,
      assessmentId,
      source: "entered",
      result: check.result,
    }),
  );
  return toResultResponse({ db, row, assessment, framework });
}

const subject = { th: "ผลการประเมินไม่ถูกต้อง", en: "invalid result" };

function bodyPath(field: ResultField): string {
  switch (field.kind) {
    case "indicator":
      return `body.indicators.${field.number}`;
    case "oit":
      return `body.oit.${field.id}`;
    case "official-overall":
      return "body.official.overall";
    case "official-level":
      return "body.official.level";
  }
}
