import type { Framework } from "../../domain/framework/schema.ts";

// The website checker as the OIT check job calls it: the contract of `checkSite` in
// src/evidence/check-site.ts, which the app is given (BuildAppOptions.oitChecker) rather than imports.

export type EvidenceStatus = "pass" | "outdated" | "broken" | "orphan" | "missing";

export interface CheckerItemFinding {
  id: string;
  status: EvidenceStatus;
  url: string | null;
  reason: string;
  reasonEn: string;
  year: number | null;
}

export interface CheckerArchivedResource {
  url: string;
  finalUrl: string;
  httpStatus: number | null;
  contentType: string | null;
  sha256: string | null;
  text: string;
  fetchedAt: string;
  error: string | null;
}

export interface CheckerProgress {
  phase: "crawl" | "evidence" | "decide";
  done: number;
  total: number;
}

export interface CheckerOptions {
  site: string;
  framework: Framework;
  /** The agency's own links per item: the checklist's evidence. */
  evidence?: Record<string, string[]>;
  /** Private and loopback targets; only tests turn it on, through configuration. */
  allowPrivate?: boolean;
  onProgress?: (progress: CheckerProgress) => void;
  signal?: AbortSignal;
  now: () => Date;
}

export interface CheckerResult {
  site: string;
  framework: string;
  items: CheckerItemFinding[];
  archive: CheckerArchivedResource[];
  stats: { pages: number; bytes: number; ms: number };
}

export type OitChecker = (options: CheckerOptions) => Promise<CheckerResult>;
