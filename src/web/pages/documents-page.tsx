import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentVersion } from "../../shared/document.ts";
import { useMe } from "../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../components/status-panels.tsx";
import { ApprovalForm } from "./documents/approval-form.tsx";
import {
  canManageDocuments,
  documentsPath,
  headOf,
  useDocuments,
  useMemberNames,
} from "./documents/document-data.ts";
import { GenerateForm } from "./documents/generate-form.tsx";
import { VersionHistory } from "./documents/version-history.tsx";
import { VersionPreview } from "./documents/version-preview.tsx";
import { useYear } from "./use-year.ts";
import "./documents/documents.css";

/** The analysis-and-measures document: generate, read, download, and record the head's approval. */
export function DocumentsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { agencyId, fiscalYear, dashboard, assessment } = useYear();
  const documents = useDocuments(agencyId, assessment?.id);
  const names = useMemberNames(agencyId);
  const [selectedId, setSelectedId] = useState<string>();
  const [approved, setApproved] = useState<DocumentVersion>();
  if (dashboard.isPending) return <Loading />;
  if (dashboard.isError)
    return <ErrorPanel error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  if (!assessment)
    return (
      <EmptyState title={t("documents.noAssessment", { year: fiscalYear })}>
        {t("home.noYearsHint")}
      </EmptyState>
    );
  const agency = dashboard.data.agency;
  const base = `/agencies/${agencyId}/${fiscalYear}`;
  const api = documentsPath(agencyId, assessment.id);
  const manage = canManageDocuments(me.data, agencyId);
  const versions = documents.data ?? [];
  const [latest] = versions;
  const shown = versions.find((v) => v.id === selectedId) ?? latest;
  const nameOf = (userId: string) =>
    names.get(userId) ??
    (userId === me.data?.userId ? me.data.displayName : undefined) ??
    t("documents.people.unknown", { id: userId.slice(0, 8) });
  const select = (version: DocumentVersion) => {
    setSelectedId(version.id);
    // Bring the chosen version's preview into view, where the reader looks next.
    requestAnimationFrame(() => document.getElementById("version-heading")?.focus());
  };
  return (
    <>
      <h1>
        {t("documents.title")}
        <span className="subtitle">
          {t("documents.subtitle", { agency: agency.name, year: fiscalYear })}
        </span>
      </h1>
      <p className="lead">{t("documents.intro")}</p>
      {!manage && <p className="panel">{t("documents.readOnly")}</p>}
      <div className="grid">
        {manage && (
          <section className="card" aria-labelledby="generate-heading">
            <h2 id="generate-heading">{t("documents.generate.title")}</h2>
            <p className="muted">{t("documents.generate.hint")}</p>
            <GenerateForm
              agencyId={agencyId}
              assessmentId={assessment.id}
              base={base}
              onGenerated={(version) => {
                setSelectedId(version.id);
                setApproved(undefined);
              }}
            />
          </section>
        )}
        <section className="card" aria-labelledby="approval-heading">
          <h2 id="approval-heading">{t("documents.approval.title")}</h2>
          {approved && (
            <p role="status" className="panel panel-ok">
              {t("documents.approval.done", { version: approved.version })}
            </p>
          )}
          {!latest ? (
            <p className="muted">{t("documents.approval.nothing")}</p>
          ) : latest.approvedAt ? (
            <>
              <p className="panel panel-ok">
                {t("documents.approval.latestApproved", { version: latest.version })}
              </p>
              <p className="muted">{t("documents.approval.afterChange")}</p>
            </>
          ) : (
            <>
              <p>{t("documents.approval.intro", { head: headOf(agency) })}</p>
              {!manage && (
                <p className="badge badge-warning">
                  {t("documents.approval.pending", { version: latest.version })}
                </p>
              )}
              {manage && (
                <ApprovalForm
                  key={latest.id}
                  agencyId={agencyId}
                  assessmentId={assessment.id}
                  fiscalYear={fiscalYear}
                  today={dashboard.data.today}
                  head={headOf(agency)}
                  latest={latest}
                  onApproved={(version) => {
                    setSelectedId(version.id);
                    setApproved(version);
                  }}
                />
              )}
            </>
          )}
        </section>
      </div>
      {documents.isPending ? (
        <Loading />
      ) : documents.isError ? (
        <ErrorPanel error={documents.error} onRetry={() => void documents.refetch()} />
      ) : !latest || !shown ? (
        <EmptyState title={t("documents.empty.title")}>{t("documents.empty.hint")}</EmptyState>
      ) : (
        <>
          <VersionPreview
            key={shown.id}
            agencyId={agencyId}
            assessmentId={assessment.id}
            base={api}
            version={shown}
            latest={latest}
            nameOf={nameOf}
            onShowLatest={() => select(latest)}
          />
          <VersionHistory
            base={api}
            versions={versions}
            selectedId={shown.id}
            onSelect={select}
            nameOf={nameOf}
          />
        </>
      )}
    </>
  );
}
