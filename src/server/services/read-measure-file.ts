import { and, eq } from "drizzle-orm";
import type { MeasureFileResponse } from "../../shared/measure-file.ts";
import type { Db } from "../db/database.ts";
import { blobs, measureFiles, measures } from "../db/schema.ts";
import type { MeasureKey } from "./get-measure.ts";
import { fileColumns, fileNotFound, toFileResponse } from "./measure-file-rows.ts";

/** One evidence file with its bytes, found through its measure in this agency's assessment. */
export async function readMeasureFile(
  options: MeasureKey & { db: Db; fileId: string },
): Promise<MeasureFileResponse & { bytes: Buffer }> {
  const { db, agencyId } = options;
  const [row] = await db
    .select({ ...fileColumns, bytes: blobs.bytes })
    .from(measureFiles)
    .innerJoin(
      measures,
      and(eq(measures.agencyId, measureFiles.agencyId), eq(measures.id, measureFiles.measureId)),
    )
    .innerJoin(
      blobs,
      and(eq(blobs.agencyId, measureFiles.agencyId), eq(blobs.sha256, measureFiles.sha256)),
    )
    .where(
      and(
        eq(measureFiles.agencyId, agencyId),
        eq(measureFiles.id, options.fileId),
        eq(measureFiles.measureId, options.measureId),
        eq(measures.assessmentId, options.assessmentId),
      ),
    );
  if (!row) throw fileNotFound(options.fileId);
  const { bytes, ...file } = row;
  return { ...toFileResponse(file), bytes };
}
