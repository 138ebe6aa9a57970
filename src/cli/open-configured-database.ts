import { resolve } from "node:path";
import { parseConfig } from "../server/config.ts";
import { type Database, openDatabase } from "../server/db/database.ts";

/** The database the server would use (DATABASE_URL, else PGlite in DATA_DIR), migrated; closed after `work`. */
export async function withConfiguredDatabase<T>(
  env: Record<string, string | undefined>,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const config = parseConfig(env);
  const database = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: resolve(config.DATA_DIR) },
  );
  try {
    await database.migrate();
    return await work(database);
  } finally {
    await database.close();
  }
}
