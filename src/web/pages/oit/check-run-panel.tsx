import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { OitCheckRun } from "../../../shared/oit-check.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { formatDateTime } from "../../format.ts";
import { oitPath } from "./use-oit.ts";

/** While a check runs, its progress is asked for this often. */
const CHECK_REFRESH_MS = 2_000;

/** The website checker's latest run with its progress, and the button that starts one. */
export function CheckRunPanel({
  agencyId,
  assessmentId,
  canStart,
}: {
  agencyId: string;
  assessmentId: string;
  canStart: boolean;
}) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const path = `${oitPath(agencyId, assessmentId)}/check-runs`;
  const latest = useQuery({
    queryKey: [...keys.oit(agencyId, assessmentId), "check-runs"],
    queryFn: () => api<{ run: OitCheckRun | null }>(`${path}/latest`),
    refetchInterval: (query) => {
      const status = query.state.data?.run?.status;
      return status === "queued" || status === "running" ? CHECK_REFRESH_MS : false;
    },
  });
  const start = useMutation({
    mutationFn: () => api<OitCheckRun>(path, { method: "POST", body: {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.oit(agencyId, assessmentId) }),
  });
  if (latest.isPending) return <Loading />;
  if (latest.isError) return <ErrorPanel error={latest.error} />;
  const run = latest.data.run;
  const busy = run?.status === "queued" || run?.status === "running";
  return (
    <div>
      {run ? (
        <>
          <p>
            {t(`oit.checkRun.status.${run.status}`, {
              at: formatDateTime(run.finishedAt ?? run.startedAt ?? run.createdAt, i18n.language),
            })}
          </p>
          {busy && (
            <>
              <label htmlFor="oit-check-progress" className="meter-label">
                {t("oit.checkRun.progress", { done: run.done, total: run.total })}
              </label>
              <progress
                id="oit-check-progress"
                className="oit-progress"
                max={Math.max(run.total, 1)}
                value={run.done}
              />
            </>
          )}
          {run.error && <p className="panel panel-error">{run.error}</p>}
        </>
      ) : (
        <p className="muted">{t("oit.checkRun.never")}</p>
      )}
      {start.isError && <ErrorPanel error={start.error} />}
      {canStart && (
        <button
          type="button"
          className="button"
          disabled={busy || start.isPending}
          onClick={() => start.mutate()}
        >
          {t("oit.checkRun.start")}
        </button>
      )}
    </div>
  );
}
