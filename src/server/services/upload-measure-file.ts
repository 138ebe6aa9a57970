import type { MeasureFileResponse } from "../../shared/measure-file.ts";
import type { Db } from "../db/database.ts";
import { blobs, measureFiles } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";
import { fileColumns, toFileResponse } from "./measure-file-rows.ts";

export interface UploadMeasureFileOptions {
  db: Db;
  agencyId: string;
  measureId: string;
  actor: string;
  upload: { name: string; type: string; bytes: Buffer; sha256: string };
}

/** Stores the bytes (once per agency and content) and the row naming them in one transaction. */
export async function uploadMeasureFile(
  options: UploadMeasureFileOptions,
): Promise<MeasureFileResponse> {
  const { agencyId, measureId, upload } = options;
  return options.db.transaction(async (tx) => {
    await tx
      .insert(blobs)
      .values({ agencyId, sha256: upload.sha256, size: upload.bytes.length, bytes: upload.bytes })
      .onConflictDoNothing();
    const [row] = await tx
      .insert(measureFiles)
      .values({
        agencyId,
        measureId,
        fileName: upload.name,
        contentType: upload.type,
        size: upload.bytes.length,
        sha256: upload.sha256,
        createdBy: options.actor,
      })
      .returning(fileColumns);
    if (!row) throw new Error("insert returned no file");
    const file = toFileResponse(row);
    // The audit names the content by its hash; the bytes themselves never enter the log.
    await appendAudit({
      db: tx,
      agencyId,
      actor: options.actor,
      action: "measure_file.create",
      entity: "measure_file",
      entityId: file.id,
      after: file,
    });
    return file;
  });
}
