import { DomainError } from "../../domain/errors.ts";
import { verifyAudit } from "../../server/services/verify-audit.ts";
import { withConfiguredDatabase } from "../open-configured-database.ts";

/** Checks every audit chain of the configured database; any break is an error listing them all. */
export async function auditVerifyCommand(
  env: Record<string, string | undefined>,
  out: (line: string) => void,
): Promise<void> {
  await withConfiguredDatabase(env, async (database) => {
    const report = await verifyAudit({ db: database.db });
    if (report.problems.length > 0)
      throw new DomainError(
        "AUDIT_BROKEN",
        `the audit log has ${report.problems.length} break(s) in ${report.entries} entries`,
        {
          userMessage: `บันทึกการตรวจสอบ (audit log) ถูกแก้ไขหรือลบ ${report.problems.length} จุด`,
          details: report.problems.map((p) => ({
            path: `${p.agencyId}#${p.seq}`,
            th: p.th,
            en: p.en,
          })),
        },
      );
    out(
      `บันทึกการตรวจสอบครบถ้วน / audit log intact: ${report.entries} รายการ / entries, ${report.chains} สาย / chains`,
    );
  });
}
