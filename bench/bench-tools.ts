import pg from "pg";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/throwaway-postgres.ts";

/** The middle value (the mean of the two middle ones for an even count); 0 for none. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * A new, empty database for one benchmark run: on DATABASE_URL's server when given, otherwise
 * on a throwaway cluster started here (durable, fsync on, unless `durable` is false).
 */
export async function benchDatabase(
  prefix: string,
  { durable = true }: { durable?: boolean } = {},
): Promise<{ url: string; cluster: ThrowawayPostgres | undefined }> {
  const cluster = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres({ durable });
  const adminUrl = new URL(process.env.DATABASE_URL ?? cluster?.url ?? "");
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.href, cluster };
}
