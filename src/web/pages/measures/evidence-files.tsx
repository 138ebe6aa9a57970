import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import type { MeasureFileResponse } from "../../../shared/measure-file.ts";
import { ConfirmDialog } from "../../components/modal-dialog.tsx";
import { ScrollRegion } from "../../components/scroll-region.tsx";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { formatDateTime, numberFormat } from "../../format.ts";
import { useMeasureFileMutations, useMeasureFiles } from "./use-measures.ts";

/** "1.2 MB" in the reader's language. */
function formatSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return numberFormat(language, { style: "unit", unit, maximumFractionDigits: 1 }).format(value);
}

/** The file's SHA-256 computed here, to confirm the server kept exactly these bytes (secure pages only). */
async function localSha256(file: File): Promise<string | undefined> {
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Evidence files of a measure: upload with a progress bar, then list, download and remove. */
export function EvidenceFiles({
  agencyId,
  assessmentId,
  measureId,
  canEdit,
}: {
  agencyId: string;
  assessmentId: string;
  measureId: string;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const files = useMeasureFiles(agencyId, assessmentId, measureId);
  const { upload, remove, downloadPath } = useMeasureFileMutations(
    agencyId,
    assessmentId,
    measureId,
  );
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<File | undefined>();
  const [tooLarge, setTooLarge] = useState(false);
  const [percent, setPercent] = useState(0);
  const [uploaded, setUploaded] = useState<
    { file: MeasureFileResponse; matches: boolean | undefined } | undefined
  >();
  const [removing, setRemoving] = useState<MeasureFileResponse | undefined>();
  const language = i18n.language;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen || tooLarge) return;
    setUploaded(undefined);
    setPercent(0);
    const local = localSha256(chosen).catch(() => undefined);
    upload.mutate(
      { file: chosen, onProgress: (fraction) => setPercent(Math.round(fraction * 100)) },
      {
        onSuccess: async (file) => {
          const mine = await local;
          setUploaded({ file, matches: mine === undefined ? undefined : mine === file.sha256 });
          setChosen(undefined);
          if (input.current) input.current.value = "";
        },
      },
    );
  };

  return (
    <section className="evidence-files" aria-labelledby="evidence-files-heading">
      <h3 id="evidence-files-heading">{t("measures.files.title")}</h3>
      {canEdit && (
        <form className="upload-form" onSubmit={onSubmit} noValidate>
          <div className="field">
            <label className="field-label" htmlFor="evidence-file">
              {t("measures.files.choose")}
            </label>
            <input
              ref={input}
              id="evidence-file"
              type="file"
              aria-describedby="evidence-file-hint"
              onChange={(event) => {
                const file = event.target.files?.[0];
                setChosen(file);
                setTooLarge(Boolean(file && file.size > MAX_UPLOAD_BYTES));
                setUploaded(undefined);
                upload.reset();
              }}
            />
            <small id="evidence-file-hint">
              {t("measures.files.hint", { size: formatSize(MAX_UPLOAD_BYTES, language) })}
            </small>
          </div>
          {tooLarge && (
            <p className="panel panel-error" role="alert">
              {t("measures.files.tooLarge", { size: formatSize(MAX_UPLOAD_BYTES, language) })}
            </p>
          )}
          <div>
            <button
              type="submit"
              className="button button-primary"
              disabled={!chosen || tooLarge || upload.isPending}
            >
              {upload.isPending ? t("measures.files.uploading") : t("measures.files.upload")}
            </button>
          </div>
          {upload.isPending && (
            <div className="upload-progress">
              <progress max={100} value={percent} aria-label={t("measures.files.progressLabel")} />
              <p role="status">{t("measures.files.percent", { percent })}</p>
            </div>
          )}
          {upload.isError && <ErrorPanel error={upload.error} />}
          {uploaded && (
            <div className="panel panel-ok" role="status">
              <p className="panel-title">
                {t("measures.files.uploaded", { name: uploaded.file.name })}
              </p>
              <p className="sha">
                SHA-256: <code>{uploaded.file.sha256}</code>
              </p>
              {uploaded.matches !== undefined && (
                <p>
                  {uploaded.matches ? t("measures.files.matches") : t("measures.files.mismatch")}
                </p>
              )}
            </div>
          )}
        </form>
      )}
      {files.isPending ? (
        <Loading />
      ) : files.isError ? (
        <ErrorPanel error={files.error} onRetry={() => void files.refetch()} />
      ) : files.data.length === 0 ? (
        <p className="muted">{t("measures.files.none")}</p>
      ) : (
        <ScrollRegion label={t("measures.files.title")}>
          <table className="files-table">
            <caption className="visually-hidden">{t("measures.files.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("measures.files.name")}</th>
                <th scope="col" className="number">
                  {t("measures.files.size")}
                </th>
                <th scope="col">{t("measures.files.when")}</th>
                <th scope="col">SHA-256</th>
                {canEdit && <th scope="col">{t("measures.files.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {files.data.map((file) => (
                <tr key={file.id}>
                  <th scope="row">
                    <a href={downloadPath(file.id)} download={file.name}>
                      {file.name}
                    </a>
                  </th>
                  <td className="number">{formatSize(file.size, language)}</td>
                  <td>{formatDateTime(file.createdAt, language)}</td>
                  <td>
                    <code className="sha">{file.sha256}</code>
                  </td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="button button-quiet button-danger"
                        aria-label={t("measures.files.removeOne", { name: file.name })}
                        onClick={() => setRemoving(file)}
                      >
                        {t("measures.files.remove")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {remove.isError && <ErrorPanel error={remove.error} />}
      {removing && (
        <ConfirmDialog
          title={t("measures.files.confirmTitle")}
          isOpen
          busy={remove.isPending}
          confirmLabel={t("measures.files.confirm")}
          cancelLabel={t("measures.files.keep")}
          onCancel={() => setRemoving(undefined)}
          onConfirm={() => remove.mutate(removing.id, { onSettled: () => setRemoving(undefined) })}
        >
          <p>{t("measures.files.confirmText", { name: removing.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
