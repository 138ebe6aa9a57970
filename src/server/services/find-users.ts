import { asc, count, ilike, inArray, type SQL } from "drizzle-orm";
import type { UserPage } from "../../shared/users.ts";
import type { Db } from "../db/database.ts";
import { memberships, users } from "../db/schema.ts";

/** LIKE's wildcards in a search term match themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Accounts by email (a part of it, any case), a page at a time, each with every membership. */
export async function findUsers(options: {
  db: Db;
  email?: string | undefined;
  ids?: string[];
  page?: number;
  pageSize?: number;
}): Promise<UserPage> {
  const { db, page = 1, pageSize = 50 } = options;
  let where: SQL | undefined;
  if (options.ids) where = inArray(users.id, options.ids);
  else if (options.email) where = ilike(users.email, `%${literal(options.email.toLowerCase())}%`);
  const [{ total = 0 } = {}] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .where(where)
    .orderBy(asc(users.email))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const roles = rows.length
    ? await db
        .select()
        .from(memberships)
        .where(
          inArray(
            memberships.userId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(memberships.agencyId))
    : [];
  const items = rows.map(({ totpEnabledAt, ...row }) => ({
    ...row,
    totpEnabled: totpEnabledAt !== null,
    memberships: roles
      .filter((m) => m.userId === row.id)
      .map(({ agencyId, role, division }) => ({ agencyId, role, division })),
  }));
  return { items, total, page, pageSize };
}
