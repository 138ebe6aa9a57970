import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AgencyResponse } from "../../../shared/agency.ts";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import { MAX_UPLOAD_BYTES } from "../../../shared/limits.ts";
import type { ImportSummary, ResultResponse } from "../../../shared/result.ts";
import { isAnalysisOf, keys } from "../../api/queries.ts";
import { uploadForm } from "../../api/upload.ts";
import { ImportPreview } from "./import-preview.tsx";
import { ImportProblems } from "./import-problems.tsx";
import { csvDataUrl, templateCsv } from "./import-template.ts";

const accept =
  ".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Import in two steps: check the file (nothing written) and see what would change, then confirm. */
export function ImportPanel({
  agency,
  fiscalYear,
  framework,
  result,
  onImported,
}: {
  agency: AgencyResponse;
  fiscalYear: number;
  framework: FrameworkDetail | undefined;
  result: ResultResponse | null;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  // A new input after each import, so the same file name can be chosen again.
  const [inputKey, setInputKey] = useState(0);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const send = useMutation({
    mutationFn: ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) => {
      setSent(0);
      const form = new FormData();
      form.append("file", chosen);
      return uploadForm<ImportSummary>(`/api/imports/results?dryRun=${dryRun}`, form, setSent);
    },
    onSuccess: (summary) => {
      if (summary.dryRun) {
        setPreview(summary);
        return;
      }
      // Exactly what the file touched: each agency's results and its dashboard.
      const agencies = new Set((preview?.changes ?? []).map((c) => c.agencyId));
      agencies.add(agency.id);
      for (const id of agencies) {
        void queryClient.invalidateQueries({ queryKey: keys.results(id) });
        void queryClient.invalidateQueries({ queryKey: keys.dashboard(id) });
        void queryClient.invalidateQueries({ predicate: isAnalysisOf(id) });
      }
      setPreview(null);
      setFile(null);
      setInputKey((k) => k + 1);
      onImported();
    },
    // The corrected file is chosen again, even under the same name.
    onError: () => {
      setPreview(null);
      setFile(null);
      setInputKey((k) => k + 1);
    },
  });
  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setTooLarge(Boolean(chosen && chosen.size > MAX_UPLOAD_BYTES));
    send.reset();
  };
  const check = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file && !tooLarge) send.mutate({ chosen: file, dryRun: true });
  };
  const cancel = () => {
    choose(null);
    setInputKey((k) => k + 1);
  };
  const template = framework && csvDataUrl(templateCsv({ agency, fiscalYear, framework, result }));
  const done = send.isSuccess && !send.data.dryRun ? send.data : null;
  return (
    <section className="card" aria-labelledby="import-heading" id="import">
      <h2 id="import-heading">{t("results.import.title")}</h2>
      <p>{t("results.import.intro")}</p>
      {template && (
        <p>
          <a href={template} download={`results-import-${fiscalYear}.csv`}>
            {t("results.import.template")}
          </a>
          <br />
          <small className="muted">{t("results.import.templateHint", { year: fiscalYear })}</small>
        </p>
      )}
      <form className="form" onSubmit={check} noValidate>
        <label className="field">
          <span>{t("results.import.file")}</span>
          <input
            key={inputKey}
            type="file"
            name="file"
            accept={accept}
            onChange={(event) => choose(event.currentTarget.files?.[0] ?? null)}
          />
        </label>
        {tooLarge && (
          <p className="panel panel-error" role="alert">
            {t("results.import.tooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 })}
          </p>
        )}
        {!preview && (
          <div className="inline">
            <button
              type="submit"
              className="button button-primary"
              disabled={!file || tooLarge || send.isPending}
            >
              {t("results.import.check")}
            </button>
            {!file && !done && <span className="muted">{t("results.import.noFile")}</span>}
          </div>
        )}
      </form>
      {send.isPending && <SendProgress sent={sent} dryRun={send.variables.dryRun} />}
      {send.isError && <ImportProblems error={send.error} />}
      {preview && !send.isPending && (
        <>
          <ImportPreview summary={preview} framework={framework} />
          <div className="import-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => file && send.mutate({ chosen: file, dryRun: false })}
            >
              {t("results.import.confirm")}
            </button>
            <button type="button" className="button" onClick={cancel}>
              {t("results.import.cancel")}
            </button>
          </div>
        </>
      )}
      {done && (
        <div className="panel panel-ok" role="status">
          <p className="panel-title">
            {t("results.import.done", { rows: done.rows, agencies: done.agencies })}
          </p>
          {done.assessmentsCreated > 0 && (
            <p>{t("results.import.doneCreated", { count: done.assessmentsCreated })}</p>
          )}
          {done.discrepancies.length > 0 && (
            <p>{t("results.import.doneFlagged", { count: done.discrepancies.length })}</p>
          )}
        </div>
      )}
    </section>
  );
}

/** The file's way up, then the server's checking, which has no measurable progress. */
function SendProgress({ sent, dryRun }: { sent: number; dryRun: boolean }) {
  const { t } = useTranslation();
  const percent = Math.round(sent * 100);
  const label =
    sent < 1
      ? t("results.import.sending", { percent })
      : dryRun
        ? t("results.import.checking")
        : t("results.import.importing");
  return (
    <div className="panel">
      <p role="status" id="import-progress-label" className="loading">
        <span className="spinner" aria-hidden="true" />
        {label}
      </p>
      <progress
        aria-labelledby="import-progress-label"
        max={100}
        value={sent < 1 ? percent : undefined}
      />
    </div>
  );
}
