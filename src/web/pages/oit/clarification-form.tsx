import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OitChecklistResponse } from "../../../shared/oit.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";
import {
  type ClarificationDraft,
  ClarificationFields,
  clarificationDraftOf,
} from "./clarification-fields.tsx";
import { describeItemPath, ItemGroups } from "./item-groups.tsx";
import { AnswerSummary } from "./oit-item-card.tsx";
import { useOitWrite } from "./use-oit.ts";

/** The agency's clarification round: only the items that failed, each with the evaluator's reason. */
export function ClarificationForm({
  checklist,
  agencyId,
}: {
  checklist: OitChecklistResponse;
  agencyId: string;
}) {
  const { t } = useTranslation();
  const write = useOitWrite(agencyId, checklist.assessmentId);
  const [drafts, setDrafts] = useState<Record<string, ClarificationDraft>>({});
  const [sent, setSent] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const failed = checklist.subIndicators
    .flatMap((s) => s.items)
    .filter((i) => i.verdict?.verdict === "fail");
  if (failed.length === 0)
    return <p className="panel panel-ok">{t("oit.clarification.nothing")}</p>;
  const changed = Object.entries(drafts).filter(([, d]) => d.text.trim() !== "");
  const save = () => {
    setSent(changed.map(([id]) => id));
    setSaved(false);
    const clarifications = changed.map(([itemId, d]) => ({
      itemId,
      text: d.text.trim(),
      urls: d.urls.split(/\s+/).filter(Boolean),
    }));
    write.mutate(
      { kind: "clarifications", body: { clarifications } },
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
      <p className="lead">{t("oit.clarification.lead", { count: failed.length })}</p>
      <ItemGroups
        checklist={checklist}
        only={(item) => item.verdict?.verdict === "fail"}
        render={(item) => (
          <>
            <AnswerSummary item={item} />
            <ClarificationFields
              item={item}
              draft={drafts[item.id] ?? clarificationDraftOf(item)}
              onChange={(draft) => {
                setSaved(false);
                setDrafts((all) => ({ ...all, [item.id]: draft }));
              }}
            />
          </>
        )}
      />
      <div className="oit-actions card">
        {write.isError && <ErrorPanel error={write.error} describePath={describeItemPath(sent)} />}
        {saved && (
          <p role="status" className="panel panel-ok">
            {t("oit.clarification.saved")}
          </p>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={changed.length === 0 || write.isPending}
          onClick={save}
        >
          {t("oit.clarification.save")}
        </button>
      </div>
    </>
  );
}
