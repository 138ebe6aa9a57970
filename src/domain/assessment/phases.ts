import type { Framework, LocalText } from "../framework/schema.ts";

export type PhaseStatus = "past" | "current" | "upcoming";

export interface Phase {
  id: string;
  name: LocalText;
  /** ISO dates, inclusive, as the framework's windows give them. */
  start: string;
  end: string;
  status: PhaseStatus;
}

export interface PhasesOnDay {
  phases: Phase[];
  /** The narrowest window open that day (windows overlap), or null between and outside windows. */
  currentPhaseId: string | null;
}

/** The framework's windows marked against one calendar day (YYYY-MM-DD). */
export function phasesOn(framework: Framework, today: string): PhasesOnDay {
  const phases = framework.windows.map(
    (w): Phase => ({
      id: w.id,
      name: w.name,
      start: w.start,
      end: w.end,
      status: today < w.start ? "upcoming" : today > w.end ? "past" : "current",
    }),
  );
  // ISO dates compare as strings; the latest-starting, then earliest-ending, open window is the most specific.
  const current = phases
    .filter((p) => p.status === "current")
    .sort((a, b) => b.start.localeCompare(a.start) || a.end.localeCompare(b.end));
  return { phases, currentPhaseId: current[0]?.id ?? null };
}
