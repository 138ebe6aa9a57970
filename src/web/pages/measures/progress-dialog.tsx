import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { ApiError } from "../../api/api-error.ts";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { EvidenceFiles } from "./evidence-files.tsx";
import { useDescribePath } from "./field-names.ts";
import { LinksEditor } from "./list-editors.tsx";
import { keyed } from "./measure-draft.ts";
import {
  changeProgress,
  changeStatus,
  type StatusProgress,
  statusOrder,
} from "./status-progress.ts";
import { useMeasureMutations } from "./use-measures.ts";

/** The work done on one measure: status, progress, and the evidence (links and files) that shows it. */
export function ProgressDialog({
  agencyId,
  assessmentId,
  measure,
  number,
  canEdit,
  onClose,
}: {
  agencyId: string;
  assessmentId: string;
  measure: MeasureResponse;
  number: number;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const describePath = useDescribePath();
  const { update, reload } = useMeasureMutations(agencyId, assessmentId);
  const [state, setState] = useState<StatusProgress>({
    status: measure.status,
    progress: measure.progress,
  });
  const [links, setLinks] = useState(() => measure.evidenceLinks.map((l) => keyed(l)));
  const [version, setVersion] = useState(measure.version);
  const [saved, setSaved] = useState<string | undefined>();
  const conflict = update.error instanceof ApiError && update.error.status === 409;

  const start = (latest: MeasureResponse) => {
    setState({ status: latest.status, progress: latest.progress });
    setLinks(latest.evidenceLinks.map((l) => keyed(l)));
    setVersion(latest.version);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(undefined);
    const evidenceLinks = links.map((l) => l.value.trim()).filter((l) => l !== "");
    update.mutate(
      { measureId: measure.id, changes: { ...state, evidenceLinks, version } },
      {
        onSuccess: (result) => {
          start(result);
          setSaved(t("measures.progress.saved", { progress: result.progress }));
        },
      },
    );
  };
  const reloadLatest = async () => {
    const latest = (await reload()).find((m) => m.id === measure.id);
    update.reset();
    if (latest) {
      start(latest);
      setSaved(t("measures.reloadedNote"));
    } else setSaved(t("measures.goneNote"));
  };

  return (
    <ModalDialog
      title={t("measures.progress.title", { n: number })}
      isOpen
      onClose={onClose}
      size="wide"
    >
      <p className="dialog-subject">{measure.title}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="field" disabled={!canEdit}>
          <legend>{t("measures.progress.status")}</legend>
          <div className="status-choices">
            {statusOrder.map((status) => (
              <label key={status} className="status-choice">
                <input
                  type="radio"
                  name="status"
                  value={status}
                  checked={state.status === status}
                  onChange={() => setState((s) => changeStatus(s, status, measure.progress))}
                />
                {t(`measures.status.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="progress-number">
            {t("measures.progress.percent")}
          </label>
          <div className="progress-inputs">
            <input
              type="range"
              min={0}
              max={100}
              step={5}
              value={state.progress}
              disabled={!canEdit}
              aria-label={t("measures.progress.slider")}
              aria-valuetext={`${state.progress}%`}
              onChange={(event) => setState((s) => changeProgress(s, Number(event.target.value)))}
            />
            <input
              id="progress-number"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              value={state.progress}
              disabled={!canEdit}
              className="progress-number"
              aria-describedby="progress-hint"
              onChange={(event) => setState((s) => changeProgress(s, Number(event.target.value)))}
            />
            <span aria-hidden="true">%</span>
          </div>
          <small id="progress-hint">{t("measures.progress.percentHint")}</small>
        </div>
        {canEdit ? (
          <LinksEditor links={links} onChange={setLinks} />
        ) : (
          <ReadOnlyLinks links={measure.evidenceLinks} />
        )}
        {saved && (
          <p className="panel panel-ok" role="status">
            {saved}
          </p>
        )}
        {update.isError && (
          <ErrorPanel error={update.error} describePath={describePath}>
            {conflict && (
              <button type="button" className="button" onClick={() => void reloadLatest()}>
                {t("measures.reloadLatest")}
              </button>
            )}
          </ErrorPanel>
        )}
        {canEdit && (
          <div>
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {update.isPending ? t("common.saving") : t("measures.progress.save")}
            </button>
          </div>
        )}
      </form>
      <EvidenceFiles
        agencyId={agencyId}
        assessmentId={assessmentId}
        measureId={measure.id}
        canEdit={canEdit}
      />
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose}>
          {t("measures.close")}
        </button>
      </div>
    </ModalDialog>
  );
}

function ReadOnlyLinks({ links }: { links: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="read-only-links">
      <h3 id="read-only-links">{t("measures.progress.links")}</h3>
      {links.length === 0 ? (
        <p className="muted">{t("measures.progress.noLinks")}</p>
      ) : (
        <ul>
          {links.map((link) => (
            <li key={link}>
              <a href={link} target="_blank" rel="noreferrer">
                {link}
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
