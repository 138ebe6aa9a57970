import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseWith } from "../../domain/validation.ts";

// The Thai wording printed on code cards and posters is content, kept beside the other texts.

const line = z.string().min(1);
const surveyPrintTextSchema = z.strictObject({
  cardTitle: line,
  cardInstruction: line,
  posterTitle: line,
  posterCall: line,
  posterScan: line,
  posterCode: line,
});

export type SurveyPrintText = z.output<typeof surveyPrintTextSchema>;

const defaultPath = fileURLToPath(
  new URL("../../../content/th/survey-print.json", import.meta.url),
);

export function loadSurveyPrintText(path: string = defaultPath): SurveyPrintText {
  return parseWith(surveyPrintTextSchema, JSON.parse(readFileSync(path, "utf8")), "INPUT_INVALID", {
    th: "ไฟล์ข้อความของบัตรรหัสและโปสเตอร์ไม่ถูกต้อง",
    en: `invalid survey print text ${path}`,
  });
}
