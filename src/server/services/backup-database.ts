import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { access } from "node:fs/promises";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGunzip, createGzip } from "node:zlib";
import { getTableName, isTable, sql } from "drizzle-orm";
import { DomainError } from "../../domain/errors.ts";
import { type Db, queryRows } from "../db/database.ts";
import * as schema from "../db/schema.ts";

// A backup is gzipped JSON lines: a header, then one line per row. Rows leave and return through
// PostgreSQL's own JSON conversion (to_jsonb / jsonb_populate_recordset), so every type round-trips
// exactly and a PGlite backup restores into PostgreSQL and back.

const FORMAT = "prongsai-backup";
const VERSION = 1;
const PAGE = 1000;

interface Header {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  migrations: string[];
  tables: string[];
}

/** Every table of the schema, in declaration order (parents before children). */
export function tableNames(): string[] {
  return Object.values(schema).flatMap((value) => (isTable(value) ? [getTableName(value)] : []));
}

function appliedMigrations(): string[] {
  const journal = JSON.parse(
    readFileSync(
      fileURLToPath(new URL("../db/migrations/meta/_journal.json", import.meta.url)),
      "utf8",
    ),
  ) as { entries: { tag: string }[] };
  return journal.entries.map((e) => e.tag);
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

async function* backupLines(db: Db): AsyncGenerator<string> {
  const tables = tableNames();
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    migrations: appliedMigrations(),
    tables,
  };
  yield `${JSON.stringify(header)}\n`;
  for (const table of tables) {
    // Keyset pages by physical row id, read inside the caller's snapshot.
    let after = "(0,0)";
    for (;;) {
      const page = await queryRows<{ tid: string; row: unknown }>(
        db,
        sql`select ctid::text as tid, to_jsonb(t) as row from ${ident(table)} t
            where ctid > ${after}::tid order by ctid limit ${PAGE}`,
      );
      for (const { row } of page) yield `${JSON.stringify({ table, row })}\n`;
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = last.tid;
    }
  }
}

/** Writes a consistent backup of every table to a gzipped file; returns the rows written. */
export async function backupDatabase({ db, file }: { db: Db; file: string }): Promise<number> {
  let rows = -1;
  await db.transaction(
    async (tx) => {
      const counted = async function* () {
        for await (const line of backupLines(tx)) {
          rows++;
          yield line;
        }
      };
      await pipeline(counted, createGzip(), createWriteStream(file));
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return rows;
}

function invalid(file: string, en: string, th: string): DomainError {
  return new DomainError("INPUT_INVALID", `${file}: ${en}`, {
    userMessage: `ไฟล์สำรองข้อมูล ${file} ใช้ไม่ได้: ${th}`,
    details: [{ path: file, th, en }],
  });
}

/** Replaces every table's rows with the backup's, in one transaction: all or nothing. */
export async function restoreDatabase({ db, file }: { db: Db; file: string }): Promise<number> {
  await access(file).catch((cause: unknown) => {
    throw new DomainError("INPUT_NOT_FOUND", `cannot read ${file}`, {
      userMessage: `อ่านไฟล์สำรองข้อมูล ${file} ไม่ได้ ตรวจสอบชื่อและที่อยู่ของไฟล์`,
      details: [{ path: file, th: "ไม่พบไฟล์หรือไม่มีสิทธิ์อ่าน", en: "file missing or unreadable" }],
      cause,
    });
  });
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const iterator = lines[Symbol.asyncIterator]();
  let first: IteratorResult<string>;
  try {
    first = await iterator.next();
  } catch {
    throw invalid(file, "not a gzipped backup file", "ไม่ใช่ไฟล์สำรองข้อมูลที่บีบอัดด้วย gzip");
  }
  const header = (() => {
    try {
      return JSON.parse(first.value ?? "") as Header;
    } catch {
      return undefined;
    }
  })();
  if (!header || header.format !== FORMAT || header.version !== VERSION)
    throw invalid(file, "not a Prongsai backup", "ไม่ใช่ไฟล์สำรองข้อมูลของโปร่งใส");
  const current = appliedMigrations();
  if (JSON.stringify(header.migrations) !== JSON.stringify(current))
    throw invalid(
      file,
      `made with schema ${header.migrations.at(-1)}, this version has ${current.at(-1)}`,
      `สำรองจากโครงสร้างฐานข้อมูลรุ่น ${header.migrations.at(-1)} แต่ระบบนี้เป็นรุ่น ${current.at(-1)}`,
    );
  const known = new Set(tableNames());
  let restored = 0;
  await db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(
        `truncate ${tableNames()
          .map((t) => `"${t}"`)
          .join(", ")}`,
      ),
    );
    let batch: { table: string; rows: unknown[] } | undefined;
    const flush = async () => {
      if (!batch || batch.rows.length === 0) return;
      await tx.execute(
        sql`insert into ${ident(batch.table)} select * from jsonb_populate_recordset(null::${ident(batch.table)}, ${JSON.stringify(batch.rows)}::jsonb)`,
      );
      restored += batch.rows.length;
      batch.rows = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (next.value.trim() === "") continue;
      const { table, row } = JSON.parse(next.value) as { table: string; row: unknown };
      if (!known.has(table)) throw invalid(file, `unknown table ${table}`, `ไม่รู้จักตาราง ${table}`);
      if (batch?.table !== table) {
        await flush();
        batch = { table, rows: [] };
      }
      batch.rows.push(row);
      if (batch.rows.length >= PAGE) await flush();
    }
    await flush();
  });
  return restored;
}
