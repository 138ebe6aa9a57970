import { useTranslation } from "react-i18next";
import type { DocumentFileFormat, DocumentVersion } from "../../../shared/document.ts";
import { formatDateTime } from "../../format.ts";
import { fileUrl, formatFileSize } from "./document-data.ts";

// The order files are listed in; the shared module's list would bring Zod into the page.
const formats: readonly DocumentFileFormat[] = ["html", "docx", "pdf"];

/** Every version, newest first: who made it, whether it is approved, and its files. */
export function VersionHistory({
  base,
  versions,
  selectedId,
  onSelect,
  nameOf,
}: {
  base: string;
  versions: DocumentVersion[];
  selectedId: string | undefined;
  onSelect: (version: DocumentVersion) => void;
  nameOf: (userId: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">{t("documents.history.title")}</h2>
      <div className="table-wrap">
        <table className="version-table">
          <caption className="muted">{t("documents.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t("documents.history.version")}
              </th>
              <th scope="col">{t("documents.history.created")}</th>
              <th scope="col">{t("documents.history.by")}</th>
              <th scope="col">{t("documents.history.digits")}</th>
              <th scope="col">{t("documents.history.status")}</th>
              <th scope="col">{t("documents.history.files")}</th>
              <th scope="col">{t("documents.history.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className={v.approvedAt ? "version-approved" : undefined}>
                <th scope="row" className="number">
                  {v.version}
                </th>
                <td>{formatDateTime(v.createdAt, language)}</td>
                <td>{nameOf(v.createdBy)}</td>
                <td>{t(`documents.history.${v.options.digits ?? "thai"}`)}</td>
                <td>
                  {v.approvedAt ? (
                    <>
                      <span className="badge badge-ok">✓ {t("documents.version.approved")}</span>
                      <br />
                      <small>
                        {t("documents.history.approvedAt", {
                          when: formatDateTime(v.approvedAt, language),
                        })}
                      </small>
                    </>
                  ) : (
                    <span className="badge badge-warning">{t("documents.version.draft")}</span>
                  )}
                </td>
                <td>
                  <ul className="file-links">
                    {formats.map((format) => {
                      const file = v.files[format];
                      if (!file) return null;
                      return (
                        <li key={format}>
                          <a href={fileUrl(base, v.id, format)} download>
                            {t("documents.history.fileLink", {
                              format: format.toUpperCase(),
                              size: formatFileSize(file.size, language),
                            })}
                            <span className="visually-hidden">
                              {" "}
                              {t("documents.history.fileOf", { version: v.version })}
                            </span>
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td>
                  {v.id === selectedId ? (
                    <span className="muted">{t("documents.history.showing")}</span>
                  ) : (
                    <button type="button" className="button" onClick={() => onSelect(v)}>
                      {t("documents.history.show", { version: v.version })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
