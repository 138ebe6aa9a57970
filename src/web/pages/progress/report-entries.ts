import type { MeasureResponse, MeasureStatus } from "../../../shared/measure.ts";
import type { ProgressReportResponse } from "../../../shared/progress.ts";

export interface EntryDraft {
  status: MeasureStatus;
  progress: number;
  note: string;
}

/** One entry per measure, in plan order: as last reported, or else as the measure stands now. */
export function prefillEntries(
  measures: readonly MeasureResponse[],
  saved: ProgressReportResponse | undefined,
): Record<string, EntryDraft> {
  const reported = new Map(saved?.entries.map((e) => [e.measureId, e]));
  return Object.fromEntries(
    measures.map((m) => {
      const entry = reported.get(m.id);
      return [
        m.id,
        entry
          ? { status: entry.status, progress: entry.progress, note: entry.note }
          : { status: m.status, progress: m.progress, note: "" },
      ];
    }),
  );
}

/** Status and progress taken afresh from the measures, keeping the notes written so far. */
export function refreshFromMeasures(
  measures: readonly MeasureResponse[],
  entries: Record<string, EntryDraft>,
): Record<string, EntryDraft> {
  return Object.fromEntries(
    measures.map((m) => [
      m.id,
      { status: m.status, progress: m.progress, note: entries[m.id]?.note ?? "" },
    ]),
  );
}

/** The entries to send: only measures that still exist, in plan order. */
export function entriesBody(
  measures: readonly MeasureResponse[],
  entries: Record<string, EntryDraft>,
): ({ measureId: string } & EntryDraft)[] {
  return measures.flatMap((m) => {
    const entry = entries[m.id];
    return entry ? [{ measureId: m.id, ...entry, note: entry.note.trim() }] : [];
  });
}
