// The shapes the website checker reports; re-exported by check-site.ts, the module callers use.

export type EvidenceStatus = "pass" | "outdated" | "broken" | "orphan" | "missing";

export interface ItemFinding {
  id: string;
  status: EvidenceStatus;
  /** The URL proposed as the item's evidence, or null when nothing was found. */
  url: string | null;
  reason: string;
  reasonEn: string;
  /** The fiscal year the evidence names (the required one when it passed), if any. */
  year: number | null;
}

export interface ArchivedResource {
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  sha256: string | null;
  text: string;
  fetchedAt: string;
  error: string | null;
}

export interface CheckProgress {
  phase: "crawl" | "evidence" | "decide";
  done: number;
  total: number;
}
