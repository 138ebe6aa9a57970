import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { AuditVerification } from "../../../shared/audit.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";

/** Whether the agency's hash chain is intact, said first: it decides how far the trail is trusted. */
export function ChainCheck({ agencyId }: { agencyId: string }) {
  const { t, i18n } = useTranslation();
  const check = useQuery({
    queryKey: [...keys.audit(agencyId), "verify"],
    queryFn: () => api<AuditVerification>(`/api/agencies/${agencyId}/audit/verify`),
  });
  if (check.isPending) return <Loading label={t("audit.chain.checking")} />;
  if (check.isError) return <ErrorPanel error={check.error} onRetry={() => void check.refetch()} />;
  const result = check.data;
  if (result.intact)
    return (
      <p className="panel panel-ok chain-ok" role="status">
        <span aria-hidden="true">✓ </span>
        {t("audit.chain.intact", { count: result.entries })}
      </p>
    );
  const english = i18n.language === "en";
  return (
    <div className="panel panel-error" role="alert">
      <p className="panel-title">
        {t("audit.chain.broken", { seq: result.firstBrokenSeq ?? result.problems[0]?.seq ?? "?" })}
      </p>
      <p>{t("audit.chain.brokenHint")}</p>
      <ul>
        {result.problems.map((problem) => (
          <li key={`${problem.seq}:${problem.kind}`}>
            <strong>{t("audit.chain.problemSeq", { seq: problem.seq })}</strong>{" "}
            {english ? problem.en : problem.th}
          </li>
        ))}
      </ul>
    </div>
  );
}
