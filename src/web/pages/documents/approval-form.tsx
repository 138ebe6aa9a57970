import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentApprove, DocumentVersion } from "../../../shared/document.ts";
import { ApiError } from "../../api/api-error.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { fiscalYearBounds } from "../../fiscal-year.ts";
import { formatDate } from "../../format.ts";
import { defaultApprovalDay } from "./approval-day.ts";
import { documentsPath } from "./document-data.ts";

/** The head of agency's approval of the latest version, recorded after a confirm step. */
export function ApprovalForm({
  agencyId,
  assessmentId,
  fiscalYear,
  today,
  head,
  latest,
  onApproved,
}: {
  agencyId: string;
  assessmentId: string;
  fiscalYear: number;
  /** Today in Thailand, as the server sees it. */
  today: string;
  head: string;
  latest: DocumentVersion;
  onApproved: (version: DocumentVersion) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const days = fiscalYearBounds(fiscalYear);
  const [day, setDay] = useState(() => defaultApprovalDay(today, days));
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  const documents = keys.documents(agencyId, assessmentId);
  const approve = useMutation({
    mutationFn: (body: DocumentApprove) =>
      api<DocumentVersion>(`${documentsPath(agencyId, assessmentId)}/${latest.id}/approve`, {
        method: "POST",
        body,
      }),
    onSuccess: (version) => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: documents });
      void queryClient.invalidateQueries({ queryKey: keys.audit(agencyId) });
      onApproved(version);
    },
  });
  const language = i18n.language;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    approve.reset();
    setConfirming(true);
  };
  const stale = approve.error instanceof ApiError && approve.error.status === 409;
  return (
    <>
      <form className="form" onSubmit={onSubmit}>
        <label className="field">
          <span>{t("documents.approval.date")}</span>
          <input
            type="date"
            name="approvedOn"
            value={day}
            min={days.start}
            max={days.end}
            required
            disabled={confirming || approve.isPending}
            onChange={(event) => setDay(event.target.value)}
            aria-describedby="approval-day-hint"
          />
          <small id="approval-day-hint">
            {t("documents.approval.dateHint", {
              year: fiscalYear,
              start: formatDate(days.start, language),
              end: formatDate(days.end, language),
            })}
            {day && (
              <>
                <br />
                {t("documents.approval.dateThai", { date: formatDate(day, language) })}
              </>
            )}
          </small>
        </label>
        {!confirming && (
          <div>
            <button type="submit" className="button button-primary" disabled={approve.isPending}>
              {t("documents.approval.submit", { version: latest.version })}
            </button>
          </div>
        )}
      </form>
      {confirming && (
        <section className="panel confirm" aria-labelledby="confirm-heading">
          <h3 id="confirm-heading" ref={confirmHeading} tabIndex={-1}>
            {t("documents.approval.confirmTitle")}
          </h3>
          <p>
            {t("documents.approval.confirmText", {
              head,
              version: latest.version,
              date: formatDate(day, language),
              next: latest.version + 1,
            })}
          </p>
          <p>
            <strong>{t("documents.approval.confirmPublic")}</strong>
          </p>
          <div className="inline">
            <button
              type="button"
              className="button button-primary"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ approvedOn: day })}
            >
              {t("documents.approval.confirm")}
            </button>
            <button
              type="button"
              className="button"
              disabled={approve.isPending}
              onClick={() => setConfirming(false)}
            >
              {t("documents.approval.cancel")}
            </button>
          </div>
        </section>
      )}
      {approve.isPending && <Loading label={t("documents.approval.working")} />}
      {approve.isError && <ErrorPanel error={approve.error} />}
      {stale && (
        <button
          type="button"
          className="button"
          onClick={() => {
            approve.reset();
            void queryClient.invalidateQueries({ queryKey: documents });
          }}
        >
          {t("documents.approval.reload")}
        </button>
      )}
    </>
  );
}
