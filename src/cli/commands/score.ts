import { DomainError } from "../../domain/errors.ts";
import { getFramework, loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import { type ScoreResult, scoreFromIndicators } from "../../domain/scoring/overall.ts";
import { parseAnswers } from "../../domain/scoring/parse-answers.ts";
import { scoreAnswers } from "../../domain/scoring/score-answers.ts";
import { formatScore, roundHalfUp } from "../../domain/thai/numerals.ts";
import { readInputFile } from "../read-input.ts";

export interface ScoreCommandOptions {
  framework: string;
  indicators?: string;
  answers?: string;
  json?: boolean;
}

export async function scoreCommand(options: ScoreCommandOptions, out: (line: string) => void) {
  const framework = getFramework(options.framework, loadFrameworks());
  if (Boolean(options.indicators) === Boolean(options.answers))
    throw new DomainError("INPUT_INVALID", "give exactly one of --indicators or --answers", {
      userMessage: "ระบุ --indicators หรือ --answers อย่างใดอย่างหนึ่ง",
    });
  let result: ScoreResult;
  let respondents: Record<string, number> | undefined;
  if (options.indicators) {
    result = scoreFromIndicators(framework, parseIndicatorList(framework, options.indicators));
  } else {
    const detailed = scoreAnswers(
      framework,
      parseAnswers(framework, await readInputFile(options.answers ?? "")),
    );
    result = detailed;
    respondents = detailed.tallies.respondents;
  }
  if (options.json) out(JSON.stringify(toJson(framework, result, respondents)));
  else for (const line of toText(framework, result)) out(line);
}

function parseIndicatorList(framework: Framework, list: string): Map<number, number> {
  const parts = list.split(",").map((s) => s.trim());
  const expected = framework.indicators.length;
  const bad = parts.filter((p) => p === "" || !Number.isFinite(Number(p)));
  if (parts.length !== expected || bad.length > 0)
    throw new DomainError(
      "INPUT_INVALID",
      `--indicators needs ${expected} numbers separated by commas, got "${list}"`,
      {
        userMessage: `--indicators ต้องเป็นคะแนน ${expected} ค่า คั่นด้วยจุลภาค ตามลำดับตัวชี้วัด`,
        details: [
          {
            path: "--indicators",
            th: `ได้ ${parts.length} ค่า${bad.length > 0 ? ` มีค่าที่ไม่ใช่ตัวเลข: ${bad.join(" ")}` : ""}`,
            en: `got ${parts.length} value(s)${bad.length > 0 ? `, not numbers: ${bad.join(" ")}` : ""}`,
          },
        ],
      },
    );
  return new Map(framework.indicators.map((ind, i) => [ind.number, Number(parts[i])]));
}

const r2 = (v: number) => roundHalfUp(v, 2);

function toJson(framework: Framework, r: ScoreResult, respondents?: Record<string, number>) {
  return {
    framework: r.framework,
    overall: r2(r.overall),
    level: r.level,
    rating: r.rating?.th ?? null,
    tools: Object.fromEntries(Object.entries(r.tools).map(([k, v]) => [k, r2(v)])),
    indicators: r.indicators.map((i) => ({
      number: i.number,
      name: framework.indicators.find((x) => x.number === i.number)?.name.th ?? "",
      tool: i.tool,
      score: r2(i.score),
    })),
    ...(respondents ? { respondents } : {}),
  };
}

function toText(framework: Framework, r: ScoreResult): string[] {
  const s = (v: number) => formatScore(v, "arabic").padStart(6);
  const lines = [`กรอบการประเมิน / Framework: ${framework.name.th} (${framework.id})`, ""];
  for (const i of r.indicators) {
    const name = framework.indicators.find((x) => x.number === i.number)?.name.th ?? "";
    lines.push(`  ${String(i.number).padStart(2)}  ${i.tool.padEnd(4)} ${s(i.score)}  ${name}`);
  }
  lines.push("");
  for (const [tool, v] of Object.entries(r.tools)) lines.push(`  ${tool.padEnd(8)}${s(v)}`);
  lines.push("");
  lines.push(
    `  คะแนนรวม / Overall: ${formatScore(r.overall, "arabic")}   ระดับ / Level: ${r.level}`,
  );
  if (r.rating) lines.push(`  ผลการประเมิน / Rating: ${r.rating.th} (${r.rating.en})`);
  return lines;
}
