import type { EvidenceSource, PublishedEvidence } from "../content/published-evidence.ts";
import { oitItems } from "../framework/lookup.ts";
import type { Framework, OitItem } from "../framework/schema.ts";

/**
 * The framework's item for each evidence source (the measures document, their progress), found by
 * the topics content/th/published-evidence.json gives that source, so renumbered lists need no code.
 */
export function disclosureItems(
  framework: Framework,
  publishedEvidence: PublishedEvidence,
): Record<EvidenceSource, OitItem | undefined> {
  const find = (source: EvidenceSource) =>
    oitItems(framework).find((item) => publishedEvidence[item.topic]?.source === source);
  return {
    "measures-document": find("measures-document"),
    "measures-progress": find("measures-progress"),
  };
}
