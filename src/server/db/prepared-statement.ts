import type { Query, SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./database.ts";

const dialect = new PgDialect();

export type StatementValues = Record<string, unknown>;

/**
 * A hot statement whose SQL text never changes, only its values: `build` writes it once with
 * `sql.placeholder(name)` where each value goes, and every call only fills the values and runs it
 * by name, so neither the query builder nor PostgreSQL's parser and planner repeat their work.
 * Runs on the database or inside a transaction, on both engines; timestamps come back as text.
 */
export function preparedStatement<Row>(
  name: string,
  build: () => SQL,
): (db: Db, values: StatementValues) => Promise<Row[]> {
  let query: Query | undefined;
  return async (db, values) => {
    query ??= dialect.sqlToQuery(build());
    const result: unknown = await db._.session
      .prepareQuery(query, undefined, name, false)
      .execute(values);
    // Both drivers answer a raw statement with `{ rows }`, which the shared type cannot say.
    const rows = (result as { rows?: unknown }).rows;
    if (!Array.isArray(rows)) throw new Error(`statement ${name} returned no rows array`);
    return rows as Row[];
  };
}
