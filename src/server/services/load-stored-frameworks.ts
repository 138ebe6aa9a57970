import { asc } from "drizzle-orm";
import { parseFramework } from "../../domain/framework/parse-framework.ts";
import type { Framework } from "../../domain/framework/schema.ts";
import type { Db } from "../db/database.ts";
import { frameworkVersions } from "../db/schema.ts";

/** Framework versions stored in the database, each validated like a file (a broken one stops start-up). */
export async function loadStoredFrameworks(db: Db): Promise<Framework[]> {
  const rows = await db
    .select({ id: frameworkVersions.id, framework: frameworkVersions.framework })
    .from(frameworkVersions)
    .orderBy(asc(frameworkVersions.fiscalYear), asc(frameworkVersions.id));
  return rows.map((row) => parseFramework(row.framework, `database framework ${row.id}`));
}
