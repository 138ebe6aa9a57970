import { useTranslation } from "react-i18next";
import type { DocumentVersion } from "../../../shared/document.ts";
import { formatDate, formatDateTime } from "../../format.ts";
import { approvalDayOf, fileUrl, formatFileSize, useDocumentDetail } from "./document-data.ts";

/** One version: whether it is approved, its downloads, and the document itself to read. */
export function VersionPreview({
  agencyId,
  assessmentId,
  base,
  version,
  latest,
  nameOf,
  onShowLatest,
}: {
  agencyId: string;
  assessmentId: string;
  /** The versions' API path. */
  base: string;
  version: DocumentVersion;
  latest: DocumentVersion;
  nameOf: (userId: string) => string;
  onShowLatest: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const detail = useDocumentDetail(agencyId, assessmentId, version.id);
  const approvedOn = approvalDayOf(detail.data);
  const { docx, pdf, html } = version.files;
  const n = version.version;
  return (
    <section className="card version-card" aria-labelledby="version-heading">
      <h2 id="version-heading" tabIndex={-1}>
        {t("documents.version.heading", { version: n })}{" "}
        {version.approvedAt ? (
          <span className="badge badge-ok">✓ {t("documents.version.approved")}</span>
        ) : (
          <span className="badge badge-warning">{t("documents.version.draft")}</span>
        )}
      </h2>
      {version.id !== latest.id && (
        <p className="panel inline">
          {t("documents.version.older", { version: latest.version })}
          <button type="button" className="button" onClick={onShowLatest}>
            {t("documents.version.showLatest")}
          </button>
        </p>
      )}
      <p className="muted">
        {t("documents.version.created", {
          when: formatDateTime(version.createdAt, language),
          who: nameOf(version.createdBy),
        })}
      </p>
      {version.approvedAt && approvedOn && (
        <p>{t("documents.version.approvedOn", { date: formatDate(approvedOn, language) })}</p>
      )}
      <p className="inline">
        {docx && (
          <a className="button button-primary" href={fileUrl(base, version.id, "docx")} download>
            {t("documents.version.downloadDocx")}
            <span className="file-size">{formatFileSize(docx.size, language)}</span>
          </a>
        )}
        {pdf && (
          <a className="button button-primary" href={fileUrl(base, version.id, "pdf")} download>
            {t("documents.version.downloadPdf")}
            <span className="file-size">{formatFileSize(pdf.size, language)}</span>
          </a>
        )}
        {html && (
          <a
            className="button"
            href={fileUrl(base, version.id, "html", true)}
            target="_blank"
            rel="noopener"
          >
            {t("documents.version.openFull")}
            <span className="visually-hidden"> {t("documents.version.newWindow")}</span>
          </a>
        )}
      </p>
      {html ? (
        <iframe
          className="document-preview"
          sandbox=""
          title={t("documents.version.preview", { version: n })}
          src={fileUrl(base, version.id, "html", true)}
        />
      ) : (
        <p className="panel">{t("documents.version.noPreview")}</p>
      )}
    </section>
  );
}
