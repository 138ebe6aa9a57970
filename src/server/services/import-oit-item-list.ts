import { DomainError } from "../../domain/errors.ts";
import { importOitItems } from "../../domain/framework/import-oit-items.ts";
import { getFramework } from "../../domain/framework/load-frameworks.ts";
import type { OitItemsInput } from "../../domain/framework/oit-items-input.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { OitItemsImportResponse } from "../../shared/framework.ts";
import type { Db } from "../db/database.ts";
import { isUniqueViolation } from "../db/is-unique-violation.ts";
import { frameworkVersions, NATIONAL_SCOPE } from "../db/schema.ts";
import { appendAudit } from "./append-audit.ts";

export interface ImportOitItemListOptions {
  db: Db;
  frameworks: ReadonlyMap<string, Framework>;
  /** Makes a stored framework usable by the running app at once. */
  addFramework: (framework: Framework) => void;
  actor: string;
  input: OitItemsInput;
  base: string;
  id: string;
  fiscalYear: number;
  /** The uploaded file's name, for the framework's OIT provenance note. */
  source: string;
  dryRun: boolean;
}

/** A new framework version from an OIT item list: checked, then stored and audited, or previewed. */
export async function importOitItemList(
  options: ImportOitItemListOptions,
): Promise<OitItemsImportResponse> {
  const { db, frameworks, id } = options;
  const base = getFramework(options.base, frameworks);
  if (frameworks.has(id)) throw exists(id);
  const { framework, mapping, summary } = importOitItems(base, options.input, {
    id,
    fiscalYear: options.fiscalYear,
    source: options.source,
  });
  const { base: _base, framework: _id, fiscalYear: _year, ...changes } = summary;
  const response = {
    dryRun: options.dryRun,
    framework: { id, fiscalYear: framework.fiscalYear, name: framework.name },
    mapping,
    summary: changes,
  };
  if (options.dryRun) return response;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(frameworkVersions).values({
        id,
        fiscalYear: framework.fiscalYear,
        base: base.id,
        framework,
        createdBy: options.actor,
      });
      await appendAudit({
        db: tx,
        agencyId: NATIONAL_SCOPE,
        actor: options.actor,
        action: "framework.import",
        entity: "framework",
        entityId: id,
        after: { base: base.id, fiscalYear: framework.fiscalYear, source: options.source, mapping },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(id);
    throw error;
  }
  options.addFramework(framework);
  return response;
}

function exists(id: string): DomainError {
  return new DomainError("CONFLICT", `framework ${id} exists already`, {
    userMessage: `มีกรอบการประเมิน ${id} อยู่แล้ว ไม่ได้บันทึกอะไร`,
    details: [
      {
        path: "id",
        th: `มีกรอบการประเมิน ${id} อยู่แล้ว ให้ใช้รหัสอื่น`,
        en: `framework ${id} exists already: choose another id`,
      },
    ],
  });
}
