import type { AuditVerification } from "../../shared/audit.ts";
import type { Db } from "../db/database.ts";
import { verifyAudit } from "./verify-audit.ts";

/** Whether one agency's hash chain is intact, and where it first breaks when it is not. */
export async function verifyAgencyAudit({
  db,
  agencyId,
}: {
  db: Db;
  agencyId: string;
}): Promise<AuditVerification> {
  const report = await verifyAudit({ db, agencyId });
  const breaks = report.problems.map((p) => p.firstBrokenSeq);
  return {
    intact: report.problems.length === 0,
    entries: report.entries,
    firstBrokenSeq: breaks.length > 0 ? Math.min(...breaks) : null,
    problems: report.problems.map(({ seq, kind, th, en }) => ({ seq, kind, th, en })),
  };
}
