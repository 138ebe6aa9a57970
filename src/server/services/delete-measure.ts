import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { measures } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import type { MeasureKey } from "./get-measure.ts";
import { measureNotFound, toMeasureResponse } from "./measure-rows.ts";

/** Removes a measure with its file rows and notices (the blobs stay); the audit keeps what it was. */
export async function deleteMeasure(
  options: MeasureKey & { db: Db; actor: string },
): Promise<void> {
  const { agencyId, assessmentId, measureId } = options;
  await options.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(measures)
      .where(
        and(
          eq(measures.agencyId, agencyId),
          eq(measures.assessmentId, assessmentId),
          eq(measures.id, measureId),
        ),
      )
      .returning();
    if (!row) throw measureNotFound(measureId);
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "measure.delete",
      entity: "measure",
      entityId: measureId,
      before: toMeasureResponse(row),
    });
  });
}
