import { desc, eq } from "drizzle-orm";
import type { NoticeResponse } from "../../shared/notice.ts";
import type { Db } from "../db/database.ts";
import { notices } from "../db/schema.ts";

/** The agency's most recent reminders, newest first. */
export async function listNotices({
  db,
  agencyId,
  limit,
}: {
  db: Db;
  agencyId: string;
  limit: number;
}): Promise<NoticeResponse[]> {
  const rows = await db
    .select()
    .from(notices)
    .where(eq(notices.agencyId, agencyId))
    .orderBy(desc(notices.day), desc(notices.createdAt), desc(notices.measureId))
    .limit(limit);
  return rows.map((n) => ({
    measureId: n.measureId,
    day: n.day,
    kind: n.kind,
    title: n.title,
    dueDate: n.dueDate,
    emailedAt: n.emailedAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }));
}
