import { loadOitEvidenceKeywords } from "../../domain/content/oit-evidence-keywords.ts";
import {
  type CheckSiteOptions,
  checkSite,
  type SiteCheckResult,
} from "../../evidence/check-site.ts";

// The website checker as the OIT check job calls it: `checkSite` with the keywords already given,
// handed to the app (BuildAppOptions.oitChecker) so the job never builds a crawler itself.

export type OitCheckerOptions = Omit<CheckSiteOptions, "keywords">;
export type OitChecker = (options: OitCheckerOptions) => Promise<SiteCheckResult>;

/** `checkSite` with the OIT evidence keywords of content/th. */
export function createSiteChecker(keywords = loadOitEvidenceKeywords()): OitChecker {
  return (options) => checkSite({ ...options, keywords });
}
