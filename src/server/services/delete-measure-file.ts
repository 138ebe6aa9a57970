import { and, eq } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { measureFiles } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { fileColumns, fileNotFound, toFileResponse } from "./measure-file-rows.ts";

/** Removes a file from its measure; the blob stays, as other rows may name the same content. */
export async function deleteMeasureFile(options: {
  db: Db;
  agencyId: string;
  measureId: string;
  fileId: string;
  actor: string;
}): Promise<void> {
  const { agencyId, fileId } = options;
  await options.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(measureFiles)
      .where(
        and(
          eq(measureFiles.agencyId, agencyId),
          eq(measureFiles.measureId, options.measureId),
          eq(measureFiles.id, fileId),
        ),
      )
      .returning(fileColumns);
    if (!row) throw fileNotFound(fileId);
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "measure_file.delete",
      entity: "measure_file",
      entityId: fileId,
      before: toFileResponse(row),
    });
  });
}
