import { z } from "zod";
import { DomainError, type IssueDetail } from "../errors.ts";
import { oitItems } from "../framework/lookup.ts";
import type { Framework } from "../framework/schema.ts";
import type { OitVerdicts } from "./oit-scores.ts";
import { type SurveyResponse, scoredItemIds } from "./tallies.ts";

// The raw-answers file (docs/answers-format.md): survey responses and OIT verdicts.
const answerValue = z.union([z.string(), z.null(), z.array(z.union([z.string(), z.null()]))]);
const answersFileSchema = z.strictObject({
  framework: z.string().optional(),
  responses: z
    .array(z.strictObject({ tool: z.string(), answers: z.record(z.string(), answerValue) }))
    .default([]),
  oit: z.record(z.string(), z.union([z.enum(["pass", "fail"]), z.boolean()])).optional(),
});

export interface ParsedAnswers {
  responses: SurveyResponse[];
  /** Undefined when the file gives no OIT verdicts at all. */
  oit: OitVerdicts | undefined;
}

export function parseAnswers(framework: Framework, raw: unknown): ParsedAnswers {
  const problems: IssueDetail[] = [];
  const parsed = answersFileSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push({ path: i.path.join("."), th: `รูปแบบไม่ถูกต้อง: ${i.message}`, en: i.message });
    throw invalid(problems);
  }
  const file = parsed.data;
  if (file.framework && file.framework !== framework.id)
    problems.push({
      path: "framework",
      th: `ไฟล์ระบุกรอบการประเมิน ${file.framework} แต่สั่งคำนวณด้วย ${framework.id}`,
      en: `the file is for ${file.framework} but ${framework.id} was requested`,
    });
  const surveyTools = new Set(framework.tools.filter((t) => t.kind === "survey").map((t) => t.id));
  const toolOf = new Map(framework.indicators.map((i) => [i.number, i.tool]));
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const questionsById = new Map(framework.questions.map((q) => [q.id, q]));

  const responses = file.responses.map((response, r): SurveyResponse => {
    const base = `responses.${r}`;
    if (!surveyTools.has(response.tool))
      problems.push({
        path: `${base}.tool`,
        th: `ไม่รู้จักแบบสำรวจ "${response.tool}" ใช้ได้: ${[...surveyTools].join(", ")}`,
        en: `unknown survey tool "${response.tool}"; use one of ${[...surveyTools].join(", ")}`,
      });
    const answers: Record<string, string> = {};
    for (const [questionId, value] of Object.entries(response.answers)) {
      const path = `${base}.answers.${questionId}`;
      const question = questionsById.get(questionId);
      if (!question || toolOf.get(question.indicator) !== response.tool) {
        problems.push({
          path,
          th: `แบบสำรวจ ${response.tool} ไม่มีข้อคำถาม ${questionId}`,
          en: `${response.tool} has no question ${questionId}`,
        });
        continue;
      }
      const ids = scoredItemIds(question);
      const values = Array.isArray(value) ? value : [value];
      if (values.length !== ids.length) {
        problems.push({
          path,
          th: `ข้อ ${questionId} มี ${ids.length} ข้อย่อย แต่ตอบมา ${values.length} ค่า`,
          en: `${questionId} has ${ids.length} sub-item(s) but ${values.length} answer(s) were given`,
        });
        continue;
      }
      const options = scales.get(question.scale)?.options.map((o) => o.id) ?? [];
      values.forEach((v, k) => {
        if (v === null) return; // a skipped item is allowed and simply not counted
        if (!options.includes(v))
          problems.push({
            path: ids.length > 1 ? `${path}.${k}` : path,
            th: `คำตอบ "${v}" ใช้ไม่ได้กับข้อ ${ids[k]} ใช้ได้: ${options.join(", ")}`,
            en: `answer "${v}" is not valid for ${ids[k]}; use one of ${options.join(", ")}`,
          });
        else answers[ids[k] ?? questionId] = v;
      });
    }
    return { tool: response.tool, answers };
  });

  let oit: OitVerdicts | undefined;
  if (file.oit) {
    oit = {};
    const itemIds = new Map(oitItems(framework).map((i) => [i.id.toLowerCase(), i.id]));
    for (const [id, verdict] of Object.entries(file.oit)) {
      const known = itemIds.get(id.toLowerCase());
      if (!known) {
        problems.push({
          path: `oit.${id}`,
          th: `กรอบการประเมิน ${framework.id} ไม่มีข้อ OIT "${id}"`,
          en: `framework ${framework.id} has no OIT item "${id}"`,
        });
        continue;
      }
      oit[known] = verdict === true || verdict === "pass" ? "pass" : "fail";
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return { responses, oit };
}

function invalid(details: IssueDetail[]): DomainError {
  return new DomainError(
    "ANSWERS_INVALID",
    `answers file has ${details.length} problem(s): ${details.map((d) => `${d.path}: ${d.en}`).join("; ")}`,
    { userMessage: `ไฟล์คำตอบมีข้อผิดพลาด ${details.length} รายการ`, details },
  );
}
