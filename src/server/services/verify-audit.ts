import { and, asc, eq, gt, or } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditHeads, auditLog } from "../db/schema.ts";
import { auditHash, GENESIS_HASH } from "./audit-hash.ts";

export interface AuditProblem {
  agencyId: string;
  seq: number;
  kind: "edited" | "missing" | "head";
  /** The first entry of the chain that can no longer be trusted. */
  firstBrokenSeq: number;
  th: string;
  en: string;
}

export interface AuditReport {
  entries: number;
  chains: number;
  problems: AuditProblem[];
}

const PAGE = 1000;

/**
 * Walks every chain in order (or only the given agency's) and reports any entry that was edited
 * or removed.
 */
export async function verifyAudit({
  db,
  agencyId,
}: {
  db: Db;
  agencyId?: string | undefined;
}): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const heads = new Map(
    (
      await db
        .select()
        .from(auditHeads)
        .where(agencyId === undefined ? undefined : eq(auditHeads.agencyId, agencyId))
    ).map((h) => [h.agencyId, h]),
  );
  const seen = new Map<string, { seq: number; hash: string }>();
  let entries = 0;
  let cursor: { agencyId: string; seq: number } | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(
          agencyId === undefined ? undefined : eq(auditLog.agencyId, agencyId),
          cursor &&
            or(
              gt(auditLog.agencyId, cursor.agencyId),
              and(eq(auditLog.agencyId, cursor.agencyId), gt(auditLog.seq, cursor.seq)),
            ),
        ),
      )
      .orderBy(asc(auditLog.agencyId), asc(auditLog.seq))
      .limit(PAGE);
    for (const row of rows) {
      entries++;
      const last = seen.get(row.agencyId) ?? { seq: 0, hash: GENESIS_HASH };
      const add = (kind: AuditProblem["kind"], th: string, en: string, firstBrokenSeq = row.seq) =>
        problems.push({ agencyId: row.agencyId, seq: row.seq, kind, firstBrokenSeq, th, en });
      if (row.seq !== last.seq + 1)
        add(
          "missing",
          `ขาดรายการที่ ${last.seq + 1}–${row.seq - 1}`,
          `entries ${last.seq + 1}–${row.seq - 1} are missing`,
          last.seq + 1,
        );
      else if (row.prevHash !== last.hash)
        add(
          "edited",
          `รายการที่ ${row.seq} ไม่ต่อกับรายการก่อนหน้า`,
          `entry ${row.seq} does not follow the previous one`,
        );
      if (auditHash(row.prevHash, row) !== row.hash)
        add(
          "edited",
          `รายการที่ ${row.seq} ถูกแก้ไขหลังบันทึก`,
          `entry ${row.seq} was changed after it was written`,
        );
      seen.set(row.agencyId, { seq: row.seq, hash: row.hash });
    }
    const lastRow = rows.at(-1);
    if (!lastRow || rows.length < PAGE) break;
    cursor = { agencyId: lastRow.agencyId, seq: lastRow.seq };
  }
  for (const [chain, head] of heads) {
    const last = seen.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
    if (last.seq !== head.seq || last.hash !== head.hash)
      problems.push({
        agencyId: chain,
        seq: head.seq,
        kind: "head",
        // A shorter chain breaks after its last entry; a same-length one at its rewritten end.
        firstBrokenSeq: last.seq === head.seq ? head.seq : Math.min(last.seq, head.seq) + 1,
        th: `รายการสุดท้ายที่ควรมีคือที่ ${head.seq} แต่พบถึงที่ ${last.seq}`,
        en: `the chain should end at entry ${head.seq} but ends at ${last.seq}`,
      });
  }
  return { entries, chains: heads.size, problems };
}
