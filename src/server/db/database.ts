import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { DomainError } from "../../domain/errors.ts";
import * as schema from "./schema.ts";
import { subscribePostgres } from "./subscribe-postgres.ts";

/** One SQL dialect, two engines: the embedded PGlite by default, PostgreSQL when a URL is given. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the committed migrations; safe to run at every start-up. */
  migrate(): Promise<void>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  /** Listens on a notification channel; see `Subscribe`. */
  subscribe: Subscribe;
  close(): Promise<void>;
}

export type DatabaseLocation =
  | { url: string }
  | { dataDir: string }
  /** A throwaway in-memory PGlite, for tests. */
  | { memory: true };

/**
 * Calls `onMessage` with each payload sent on `channel` (NOTIFY), and `onListening` with whether
 * messages can be missed right now: false whenever the listening connection is lost (it comes
 * back by itself), true again once it listens. Resolves with a function that stops listening.
 */
export type Subscribe = (
  channel: string,
  onMessage: (payload: string) => void,
  onListening: (listening: boolean) => void,
) => Promise<() => Promise<void>>;

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if ("url" in location) {
    const pool = new pg.Pool({ connectionString: location.url, max: 10 });
    const db = drizzleNodePg(pool, { schema });
    await ping(db, "PostgreSQL");
    return {
      db,
      kind: "postgres",
      migrate: () => migrateNodePg(db, { migrationsFolder }),
      ping: () => ping(db, "PostgreSQL"),
      subscribe: subscribePostgres(location.url),
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if ("dataDir" in location) {
    mkdirSync(location.dataDir, { recursive: true });
    client = new PGlite(join(location.dataDir, "pglite"));
  } else client = new PGlite();
  const db = drizzlePglite(client, { schema });
  await ping(db, "PGlite");
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: () => ping(db, "PGlite"),
    subscribe: async (channel, onMessage, onListening) => {
      const unlisten = await client.listen(channel, onMessage);
      onListening(true);
      return async () => {
        onListening(false);
        if (!client.closed) await unlisten();
      };
    },
    close: () => client.close(),
  };
}

async function ping(db: Db, engine: string): Promise<void> {
  try {
    await db.execute(sql`select 1`);
  } catch (cause) {
    throw new DomainError("DATABASE_UNAVAILABLE", `${engine} does not answer: ${String(cause)}`, {
      userMessage: "ติดต่อฐานข้อมูลไม่ได้ ตรวจสอบ DATABASE_URL หรือโฟลเดอร์ DATA_DIR",
      cause,
    });
  }
}

/** Rows of a raw SQL query; both drivers return `{ rows }`, which the shared type cannot say. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows?: unknown }).rows;
  if (!Array.isArray(rows)) throw new Error("the database driver returned no rows array");
  return rows as T[];
}

const dialect = new PgDialect();

/**
 * Rows of a hot raw SQL query run as a named prepared statement on PostgreSQL, so the server
 * parses and plans it once per connection rather than on every call; PGlite runs it as usual.
 * Works on the database and inside a transaction. One name must always carry the same SQL text.
 */
export async function preparedRows<T>(db: Db, name: string, query: SQL): Promise<T[]> {
  // The pool at the top level, the transaction's own connection inside one.
  const client: unknown = (db as { session?: { client?: unknown } }).session?.client;
  if (!(client instanceof pg.Pool || client instanceof pg.Client)) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await client.query({ name, text, values: params });
  return result.rows as T[];
}
