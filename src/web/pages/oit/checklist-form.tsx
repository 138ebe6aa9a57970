import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import { ConfirmDialog } from "../../components/modal-dialog.tsx";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { type AnswerDraft, answerOf, ChecklistFields, draftOf } from "./checklist-fields.tsx";
import { describeItemPath, ItemGroups } from "./item-groups.tsx";
import { useOitWrite } from "./use-oit.ts";

/** The coordinator's checklist while in draft: answers per item, save draft, submit after a confirm step. */
export function ChecklistForm({
  checklist,
  agencyId,
  open,
}: {
  checklist: OitChecklistResponse;
  agencyId: string;
  /** Whether the submission window is open today. */
  open: boolean;
}) {
  const { t } = useTranslation();
  const write = useOitWrite(agencyId, checklist.assessmentId);
  const [drafts, setDrafts] = useState<Record<string, AnswerDraft>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [saved, setSaved] = useState<"draft" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const changed = Object.keys(drafts);
  const save = () => {
    setSent(changed);
    setSaved(null);
    write.mutate(
      {
        kind: "answers",
        body: { answers: changed.map((id) => answerOf(id, drafts[id] as AnswerDraft)) },
      },
      {
        onSuccess: () => {
          setDrafts({});
          setSaved("draft");
        },
      },
    );
  };
  const submit = () => {
    setSent([]);
    write.mutate({ kind: "submit" }, { onSettled: () => setConfirming(false) });
  };
  return (
    <>
      <ItemGroups
        checklist={checklist}
        render={(item) => (
          <ChecklistFields
            item={item}
            draft={drafts[item.id] ?? draftOf(item)}
            onChange={(draft) => {
              setSaved(null);
              setDrafts((all) => ({ ...all, [item.id]: draft }));
            }}
            onAcceptProposal={(url) => {
              setSaved(null);
              setDrafts((all) => {
                const draft = all[item.id] ?? draftOf(item);
                const urls = draft.urls.trim() ? `${draft.urls.trim()}\n${url}` : url;
                return { ...all, [item.id]: { ...draft, has: "yes", urls } };
              });
            }}
          />
        )}
      />
      <div className="oit-actions card">
        {write.isError && <ErrorPanel error={write.error} describePath={describeItemPath(sent)} />}
        {saved && (
          <p role="status" className="panel panel-ok">
            {t("oit.form.saved")}
          </p>
        )}
        {changed.length > 0 && <p>{t("oit.form.unsaved", { count: changed.length })}</p>}
        <div className="inline">
          <button
            type="button"
            className="button"
            disabled={!open || changed.length === 0 || write.isPending}
            onClick={save}
          >
            {t("oit.form.save")}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!open || changed.length > 0 || write.isPending}
            onClick={() => setConfirming(true)}
          >
            {t("oit.form.submit")}
          </button>
        </div>
        {changed.length > 0 && <small>{t("oit.form.saveFirst")}</small>}
      </div>
      <ConfirmDialog
        title={t("oit.form.confirmTitle")}
        isOpen={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={submit}
        confirmLabel={t("oit.form.confirmSubmit")}
        cancelLabel={t("oit.cancel")}
        busy={write.isPending}
      >
        <p>
          {t("oit.form.confirmText", {
            answered: checklist.progress.answered,
            total: checklist.progress.total,
          })}
        </p>
      </ConfirmDialog>
    </>
  );
}
