import type { DocumentVersion } from "../../shared/document.ts";
import type { documents } from "../db/schema.ts";

type DocumentRow = typeof documents.$inferSelect;

/** A stored version as the API shows it: never its input or bytes unless asked for. */
export function toDocumentVersion(
  row: Pick<
    DocumentRow,
    "id" | "kind" | "version" | "createdAt" | "createdBy" | "files" | "options"
  >,
): DocumentVersion {
  return {
    id: row.id,
    kind: row.kind,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    files: row.files,
    options: { digits: digitsOf(row.options.digits) },
  };
}

function digitsOf(value: string | undefined): DocumentVersion["options"]["digits"] {
  return value === "thai" || value === "arabic" ? value : undefined;
}
