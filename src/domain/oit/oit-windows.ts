import type { PhaseStatus } from "../assessment/phases.ts";
import type { Framework, LocalText } from "../framework/schema.ts";

/** The four windows the OIT review moves through, by the frameworks' window ids. */
export const OIT_WINDOW_IDS = [
  "oit-submission",
  "oit-scoring",
  "clarification",
  "confirmation",
] as const;
export type OitWindowId = (typeof OIT_WINDOW_IDS)[number];

export interface OitWindow {
  id: OitWindowId;
  name: LocalText;
  start: string;
  end: string;
  status: PhaseStatus;
}

const unnamed: Record<OitWindowId, LocalText> = {
  "oit-submission": { th: "หน่วยงานตอบแบบ OIT", en: "OIT answers" },
  "oit-scoring": { th: "ผู้ประเมินตรวจ OIT", en: "OIT checking" },
  clarification: { th: "หน่วยงานชี้แจง", en: "Agency clarification" },
  confirmation: { th: "ผู้ประเมินยืนยันผล", en: "Confirmation" },
};

/**
 * The OIT windows of an assessment on one day: the framework's, unless the assessment carries its
 * own days for a window. A window the framework lacks and nothing sets never opens.
 */
export function oitWindows(
  framework: Framework,
  own: Partial<Record<OitWindowId, { start: string; end: string }>> | null,
  today: string,
): OitWindow[] {
  return OIT_WINDOW_IDS.map((id) => {
    const fromFramework = framework.windows.find((w) => w.id === id);
    const days = own?.[id] ?? fromFramework ?? { start: "9999-12-31", end: "9999-12-31" };
    return {
      id,
      name: fromFramework?.name ?? unnamed[id],
      start: days.start,
      end: days.end,
      status: today < days.start ? "upcoming" : today > days.end ? "past" : "current",
    };
  });
}

/** True when an URL is absolute http(s) with a host: the only links an evaluator can open. */
export function isWebLink(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}
