import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import { ConfirmDialog } from "../../components/modal-dialog.tsx";
import { ErrorPanel } from "../../components/status-panels.tsx";
import { describeItemPath, ItemGroups } from "./item-groups.tsx";
import { AnswerSummary } from "./oit-item-card.tsx";
import { ReviewFields, type VerdictDraft, verdictDraftOf } from "./review-fields.tsx";
import { useOitWrite } from "./use-oit.ts";

/** The evaluator's review: each answer with the checker's finding, a verdict and comment, then confirm. */
export function ReviewForm({
  checklist,
  agencyId,
}: {
  checklist: OitChecklistResponse;
  agencyId: string;
}) {
  const { t } = useTranslation();
  const write = useOitWrite(agencyId, checklist.assessmentId);
  const [drafts, setDrafts] = useState<Record<string, VerdictDraft>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const windowOpen = (id: string) =>
    checklist.windows.some((w) => w.id === id && w.status === "current");
  const editable =
    checklist.status === "submitted" && (windowOpen("oit-scoring") || windowOpen("confirmation"));
  const changed = Object.entries(drafts).filter(([, d]) => d.verdict !== "");
  const save = () => {
    setSent(changed.map(([id]) => id));
    setSaved(false);
    const verdicts = changed.map(([itemId, d]) => ({
      itemId,
      verdict: d.verdict as "pass" | "fail",
      comment: d.comment.trim(),
    }));
    write.mutate(
      { kind: "verdicts", body: { verdicts } },
      {
        onSuccess: () => {
          setDrafts({});
          setSaved(true);
        },
      },
    );
  };
  return (
    <>
      <ItemGroups
        checklist={checklist}
        render={(item) => (
          <>
            <AnswerSummary item={item} />
            <ReviewFields
              item={item}
              draft={drafts[item.id] ?? verdictDraftOf(item)}
              disabled={!editable}
              onChange={(draft) => {
                setSaved(false);
                setDrafts((all) => ({ ...all, [item.id]: draft }));
              }}
            />
          </>
        )}
      />
      {editable && (
        <div className="oit-actions card">
          {write.isError && (
            <ErrorPanel error={write.error} describePath={describeItemPath(sent)} />
          )}
          {saved && (
            <p role="status" className="panel panel-ok">
              {t("oit.review.saved")}
            </p>
          )}
          <div className="inline">
            <button
              type="button"
              className="button"
              disabled={changed.length === 0 || write.isPending}
              onClick={save}
            >
              {t("oit.review.save")}
            </button>
            {windowOpen("confirmation") && (
              <button
                type="button"
                className="button button-primary"
                disabled={changed.length > 0 || write.isPending}
                onClick={() => setConfirming(true)}
              >
                {t("oit.review.confirm")}
              </button>
            )}
          </div>
        </div>
      )}
      <ConfirmDialog
        title={t("oit.review.confirmTitle")}
        isOpen={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setSent([]);
          write.mutate({ kind: "confirm" }, { onSettled: () => setConfirming(false) });
        }}
        confirmLabel={t("oit.review.confirmYes")}
        cancelLabel={t("oit.cancel")}
        busy={write.isPending}
      >
        <p>{t("oit.review.confirmText")}</p>
      </ConfirmDialog>
    </>
  );
}
