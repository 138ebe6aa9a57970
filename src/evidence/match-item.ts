import type { OitEvidenceKeywords } from "../domain/content/oit-evidence-keywords.ts";
import { thaiSkeleton } from "./thai-text.ts";

// Which OIT topics a label (link text, title, heading, file name) names, by the content keywords.

/** The Thai skeleton without spaces, dashes or underscores: Thai labels space freely. */
export function normalizeLabel(text: string): string {
  return thaiSkeleton(text).replace(/[\s\u200b-\u200d\u2060\ufeff_\-–—.·,:;'"“”‘’()[\]]+/gu, "");
}

/** The file name of a URL, decoded and without its extension: agencies name files by content. */
export function fileLabel(url: string): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop() ?? "";
    return decodeURIComponent(last).replace(/\.[a-z0-9]{1,5}$/i, "");
  } catch {
    return "";
  }
}

export interface TopicMatcher {
  /** How strongly `label` names `topic`: the longest keyword found, 0 when none (or excluded). */
  score(topic: string, label: string): number;
  /** Every topic `label` names. */
  topics(label: string): string[];
}

interface PreparedTopic {
  keywords: string[];
  exclude: string[];
}

export function createTopicMatcher(keywords: OitEvidenceKeywords): TopicMatcher {
  const prepared = new Map<string, PreparedTopic>();
  for (const [topic, entry] of Object.entries(keywords))
    prepared.set(topic, {
      keywords: entry.keywords.map(normalizeLabel).filter((k) => k.length > 0),
      exclude: entry.exclude.map(normalizeLabel).filter((k) => k.length > 0),
    });

  function scoreNormalized(entry: PreparedTopic | undefined, label: string): number {
    if (!entry || label === "") return 0;
    if (entry.exclude.some((word) => label.includes(word))) return 0;
    let best = 0;
    for (const word of entry.keywords)
      if (word.length > best && label.includes(word)) best = word.length;
    return best;
  }

  return {
    score: (topic, label) => scoreNormalized(prepared.get(topic), normalizeLabel(label)),
    topics(label) {
      const normalized = normalizeLabel(label);
      return [...prepared]
        .filter(([, entry]) => scoreNormalized(entry, normalized) > 0)
        .map(([t]) => t);
    },
  };
}
