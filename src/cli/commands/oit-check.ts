import { SingleBar } from "cli-progress";
import { loadOitEvidenceKeywords } from "../../domain/content/oit-evidence-keywords.ts";
import { getFramework, loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { type CheckProgress, checkSite, type EvidenceStatus } from "../../evidence/check-site.ts";
import { checkSiteUrl, parseEvidenceFile } from "../../evidence/evidence-file.ts";
import { readInputFile } from "../read-input.ts";

export interface OitCheckOptions {
  site: string;
  framework: string;
  evidence?: string;
  allowPrivate?: boolean;
  json?: boolean;
}

const STATUS_TH: Record<EvidenceStatus, string> = {
  pass: "ผ่าน",
  outdated: "ไม่เป็นปัจจุบัน",
  broken: "ลิงก์เสีย",
  orphan: "ไม่มีลิงก์จากหน้าแรก",
  missing: "ไม่พบ",
};

const PHASE_TH: Record<CheckProgress["phase"], string> = {
  crawl: "สำรวจเว็บไซต์",
  evidence: "ตรวจลิงก์หลักฐาน",
  decide: "พิจารณาแต่ละข้อ",
};

/** Checks an agency's web site for the framework's OIT items; one JSON object or a Thai table. */
export async function oitCheckCommand(
  options: OitCheckOptions,
  out: (line: string) => void,
  showProgress = false,
): Promise<void> {
  const site = checkSiteUrl(options.site);
  const framework = getFramework(options.framework, loadFrameworks());
  const keywords = loadOitEvidenceKeywords();
  const evidence = options.evidence
    ? parseEvidenceFile(await readInputFile(options.evidence), framework)
    : undefined;
  // A bar on a terminal only: piped output stays exactly the JSON object.
  const bar = showProgress
    ? new SingleBar({ format: "{phase} {bar} {value}/{total}", stream: process.stderr })
    : undefined;
  bar?.start(1, 0, { phase: PHASE_TH.crawl });
  let result: Awaited<ReturnType<typeof checkSite>>;
  try {
    result = await checkSite({
      site,
      framework,
      keywords,
      ...(evidence ? { evidence } : {}),
      allowPrivate: options.allowPrivate ?? false,
      onProgress(progress) {
        bar?.setTotal(Math.max(1, progress.total));
        bar?.update(progress.done, { phase: PHASE_TH[progress.phase] });
      },
      now: () => new Date(),
    });
  } finally {
    bar?.stop();
  }
  if (options.json) {
    out(
      JSON.stringify({
        site: result.site,
        framework: result.framework,
        items: result.items,
        stats: result.stats,
      }),
    );
    return;
  }
  out(`เว็บไซต์ / Site: ${result.site}`);
  out(`กรอบการประเมิน / Framework: ${result.framework} (ปีงบประมาณ พ.ศ. ${framework.fiscalYear})`);
  out("");
  for (const item of result.items) {
    out(
      `${item.id.padEnd(4)} ${STATUS_TH[item.status]} (${item.status})${item.url ? `  ${item.url}` : ""}`,
    );
    out(`     ${item.reason}`);
  }
  out("");
  const counts = Object.keys(STATUS_TH).map((s) => {
    const n = result.items.filter((item) => item.status === s).length;
    return `${STATUS_TH[s as EvidenceStatus]} ${n}`;
  });
  out(`สรุป / Summary: ${counts.join(" · ")} (จาก ${result.items.length} ข้อ)`);
  out(
    `ตรวจ ${result.stats.pages} หน้าและไฟล์ ${result.stats.bytes.toLocaleString("th-TH")} ไบต์ ใน ${(result.stats.ms / 1000).toFixed(1)} วินาที`,
  );
}
