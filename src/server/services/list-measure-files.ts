import { and, desc, eq } from "drizzle-orm";
import type { MeasureFileResponse } from "../../shared/measure-file.ts";
import type { Db } from "../db/database.ts";
import { measureFiles } from "../db/schema.ts";
import { fileColumns, toFileResponse } from "./measure-file-rows.ts";

/** A measure's evidence files, newest first; the caller has found the measure in this agency. */
export async function listMeasureFiles({
  db,
  agencyId,
  measureId,
}: {
  db: Db;
  agencyId: string;
  measureId: string;
}): Promise<MeasureFileResponse[]> {
  const rows = await db
    .select(fileColumns)
    .from(measureFiles)
    .where(and(eq(measureFiles.agencyId, agencyId), eq(measureFiles.measureId, measureId)))
    .orderBy(desc(measureFiles.createdAt), desc(measureFiles.id));
  return rows.map(toFileResponse);
}
