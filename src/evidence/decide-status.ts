import type { OitItem } from "../domain/framework/schema.ts";
import { requiredYear } from "./fiscal-year.ts";
import type { EvidenceStatus, ItemFinding } from "./types.ts";

// Turns what was seen for one item into its status and a Thai reason with an English twin.

export interface Candidate {
  url: string;
  /** How it was found: by following links, only in the sitemap, given as evidence, or an off-site link. */
  origin: "crawl" | "sitemap" | "evidence" | "external-link";
  /** A chain of links leads to it from the home page. */
  reachable: boolean;
  /** `external` links were seen but not opened: the crawl stays on the agency's site. */
  outcome: "ok" | "broken" | "external";
  problem?: { th: string; en: string };
  years: number[];
  /** How strongly its labels name the item (0 for given evidence that names nothing). */
  score: number;
  depth: number | null;
}

interface Verdict {
  status: EvidenceStatus;
  year: number | null;
  th: string;
  en: string;
  rank: number;
}

// Best first: a right page not linked is one link away from passing; an old one needs new content.
const RANK: Record<EvidenceStatus | "unyeared", number> = {
  pass: 6,
  orphan: 5,
  outdated: 4,
  broken: 3,
  unyeared: 2,
  missing: 0,
};

function judge(candidate: Candidate, required: number | null): Verdict {
  const { url } = candidate;
  if (candidate.outcome === "broken") {
    const why = candidate.problem ?? { th: "เปิดไม่ได้", en: "could not be opened" };
    return {
      status: "broken",
      year: null,
      th: `ลิงก์ ${url} ใช้งานไม่ได้: ${why.th}`,
      en: `the link ${url} does not work: ${why.en}`,
      rank: RANK.broken,
    };
  }
  let year: number | null = null;
  if (required !== null) {
    if (candidate.years.includes(required)) year = required;
    else {
      const older = candidate.years.filter((y) => y < required);
      if (older.length > 0) {
        const latest = Math.max(...older);
        return {
          status: "outdated",
          year: latest,
          th: `พบ ${url} แต่เป็นข้อมูลปีงบประมาณ พ.ศ. ${latest} ยังไม่มีของปีงบประมาณ พ.ศ. ${required}`,
          en: `found ${url}, but only for fiscal year ${latest}; fiscal year ${required} is required`,
          rank: RANK.outdated,
        };
      }
      const shown = candidate.years.length > 0 ? candidate.years.join(", ") : null;
      return {
        status: "missing",
        year: null,
        th: shown
          ? `พบ ${url} แต่ระบุปีงบประมาณ พ.ศ. ${shown} ไม่ใช่ปีงบประมาณ พ.ศ. ${required}`
          : `พบ ${url} แต่ไม่ระบุปีงบประมาณ พ.ศ. ${required}`,
        en: shown
          ? `found ${url}, but it names fiscal year ${shown}, not ${required}`
          : `found ${url}, but it does not name fiscal year ${required}`,
        rank: RANK.unyeared,
      };
    }
  }
  if (!candidate.reachable) {
    const where =
      candidate.origin === "sitemap"
        ? { th: "มีอยู่ในแผนผังเว็บไซต์ (sitemap)", en: "is listed in the sitemap" }
        : { th: "มีอยู่จริง", en: "exists" };
    return {
      status: "orphan",
      year,
      th: `${url} ${where.th} แต่ไม่มีลิงก์จากหน้าแรกไปถึง ควรเพิ่มลิงก์ในเมนูของเว็บไซต์`,
      en: `${url} ${where.en}, but no chain of links leads to it from the home page`,
      rank: RANK.orphan,
    };
  }
  const yearTh = year !== null ? ` ระบุปีงบประมาณ พ.ศ. ${year}` : "";
  const yearEn = year !== null ? ` naming fiscal year ${year}` : "";
  if (candidate.outcome === "external")
    return {
      status: "pass",
      year,
      th: `หน้าเว็บของหน่วยงานมีลิงก์ไปยัง ${url}${yearTh} (เว็บไซต์ภายนอก ไม่ได้เปิดตรวจ)`,
      en: `the agency's pages link to ${url}${yearEn} (off-site, not opened)`,
      rank: RANK.pass,
    };
  return {
    status: "pass",
    year,
    th: `พบ ${url} เข้าถึงได้จากหน้าแรก${yearTh}`,
    en: `found ${url}, reachable from the home page${yearEn}`,
    rank: RANK.pass,
  };
}

function better(a: { verdict: Verdict; candidate: Candidate }, b: typeof a): boolean {
  if (a.verdict.rank !== b.verdict.rank) return a.verdict.rank > b.verdict.rank;
  const aGiven = a.candidate.origin === "evidence" ? 1 : 0;
  const bGiven = b.candidate.origin === "evidence" ? 1 : 0;
  if (aGiven !== bGiven) return aGiven > bGiven;
  if (a.candidate.score !== b.candidate.score) return a.candidate.score > b.candidate.score;
  return (a.candidate.depth ?? 99) < (b.candidate.depth ?? 99);
}

/** The item's finding: the best candidate's verdict, or `missing` when there is none. */
export function decideItem(
  item: Pick<OitItem, "id" | "year" | "title">,
  fiscalYear: number,
  candidates: readonly Candidate[],
): ItemFinding {
  const required = requiredYear(item, fiscalYear);
  let best: { verdict: Verdict; candidate: Candidate } | undefined;
  for (const candidate of candidates) {
    const judged = { verdict: judge(candidate, required), candidate };
    if (!best || better(judged, best)) best = judged;
  }
  if (!best) {
    const yearTh = required !== null ? ` ของปีงบประมาณ พ.ศ. ${required}` : "";
    const yearEn = required !== null ? ` for fiscal year ${required}` : "";
    return {
      id: item.id,
      status: "missing",
      url: null,
      reason: `ไม่พบหน้าเว็บหรือไฟล์เรื่อง "${item.title.th}"${yearTh} ที่เข้าถึงได้จากหน้าแรก`,
      reasonEn: `no page or file about "${item.title.en}"${yearEn} was found`,
      year: null,
    };
  }
  return {
    id: item.id,
    status: best.verdict.status,
    url: best.candidate.url,
    reason: best.verdict.th,
    reasonEn: best.verdict.en,
    year: best.verdict.year,
  };
}
