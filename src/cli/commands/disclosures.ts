import { SingleBar } from "cli-progress";
import { z } from "zod";
import { loadPublishedEvidence } from "../../domain/content/published-evidence.ts";
import { loadFrameworks } from "../../domain/framework/load-frameworks.ts";
import { parseWith } from "../../domain/validation.ts";
import { parseConfig } from "../../server/config.ts";
import {
  checkDisclosures,
  type DisclosureCheckOutcome,
} from "../../server/services/check-disclosures.ts";
import { listDisclosures } from "../../server/services/list-disclosures.ts";
import { loadStoredFrameworks } from "../../server/services/load-stored-frameworks.ts";
import { createSiteChecker } from "../../server/services/oit-checker.ts";
import { type DisclosureStatus, disclosureStatuses } from "../../shared/disclosure.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

type Env = Record<string, string | undefined>;

export interface DisclosuresCheckOptions {
  fiscalYear?: string;
  province?: string;
  concurrency?: string;
  sinceHours?: string;
}

// Keys are the flags, so every problem names the option the user typed.
const optionsSchema = z.object({
  "--fiscal-year": z.coerce.number().int().min(2500).max(2700),
  "--province": z.string().trim().min(1).optional(),
  "--concurrency": z.coerce.number().int().min(1).max(32).default(4),
  "--since-hours": z.coerce.number().min(0).max(8760).default(24),
});

const OUTCOME_TH: Record<DisclosureCheckOutcome, string> = {
  checked: "ตรวจแล้ว",
  failed: "ตรวจไม่สำเร็จ",
  recent: "ข้าม (ตรวจไปไม่นาน)",
  busy: "ข้าม (กำลังตรวจอยู่)",
  "no-website": "ข้าม (ไม่มีเว็บไซต์)",
};

const STATUS_TH: Record<DisclosureStatus, string> = {
  pass: "ผ่าน",
  outdated: "ไม่เป็นปัจจุบัน",
  broken: "ลิงก์เสีย",
  orphan: "ไม่มีลิงก์จากหน้าแรก",
  missing: "ไม่พบ",
  unchecked: "ยังไม่ได้ตรวจ",
};

const SOURCE_TH = {
  "measures-document": "เอกสารมาตรการ / measures document",
  "measures-progress": "รายงานความก้าวหน้า / progress report",
} as const;

/**
 * Checks every agency's web site for a fiscal year (a province when given), a few at a time,
 * skipping those checked within `--since-hours`; prints a summary and the disclosure counts.
 * Returns how many agencies failed.
 */
export async function disclosuresCheckCommand(
  env: Env,
  options: DisclosuresCheckOptions,
  out: (line: string) => void,
  showProgress = false,
): Promise<{ failed: number }> {
  const parsed = parseWith(
    optionsSchema,
    {
      "--fiscal-year": options.fiscalYear,
      "--province": options.province,
      "--concurrency": options.concurrency,
      "--since-hours": options.sinceHours,
    },
    "INPUT_INVALID",
    { th: "ตัวเลือกไม่ถูกต้อง", en: "invalid options" },
  );
  const fiscalYear = parsed["--fiscal-year"];
  const province = parsed["--province"];
  const config = parseConfig(env);
  return withConfiguredDatabase(env, async ({ db }) => {
    const frameworks = loadFrameworks();
    // Versions stored in the database sit beside the files; a file of the same id wins.
    for (const framework of await loadStoredFrameworks(db))
      if (!frameworks.has(framework.id)) frameworks.set(framework.id, framework);
    // A bar on a terminal only: piped output stays the summary lines.
    const bar = showProgress
      ? new SingleBar({ format: "{bar} {value}/{total} {agency}", stream: process.stderr })
      : undefined;
    bar?.start(1, 0, { agency: "" });
    let summary: Awaited<ReturnType<typeof checkDisclosures>>;
    try {
      summary = await checkDisclosures({
        db,
        frameworks,
        checker: createSiteChecker(),
        fiscalYear,
        province,
        concurrency: parsed["--concurrency"],
        sinceHours: parsed["--since-hours"],
        actor: "cli",
        now: () => new Date(),
        allowPrivate: config.OIT_CHECK_ALLOW_PRIVATE ?? false,
        onProgress: (p) => {
          bar?.setTotal(Math.max(1, p.total));
          bar?.update(p.done, { agency: p.agencyName });
        },
      });
    } finally {
      bar?.stop();
    }
    const where = province ? ` จังหวัด${province}` : "";
    out(
      `ปีงบประมาณ พ.ศ. ${fiscalYear}${where}: หน่วยงาน ${summary.total} แห่ง / fiscal year ${fiscalYear}${province ? ` in ${province}` : ""}: ${summary.total} agencies`,
    );
    for (const [outcome, count] of Object.entries(summary.counts))
      out(`  ${OUTCOME_TH[outcome as DisclosureCheckOutcome]} (${outcome}): ${count}`);
    for (const failure of summary.failures)
      out(`  ✗ ${failure.name} (${failure.agencyId}): ${failure.error}`);
    const page = await listDisclosures({
      db,
      frameworks,
      publishedEvidence: loadPublishedEvidence(),
      query: { fiscalYear, province, page: 1, pageSize: 1 },
    });
    for (const [source, label] of Object.entries(SOURCE_TH)) {
      const counts = page.counts[source as keyof typeof SOURCE_TH];
      const parts = disclosureStatuses.map((s) => `${STATUS_TH[s]} (${s}) ${counts[s]}`);
      out(`${label}: ${parts.join(" · ")}`);
    }
    return { failed: summary.counts.failed };
  });
}
