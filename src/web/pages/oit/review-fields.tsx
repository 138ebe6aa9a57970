import { useTranslation } from "react-i18next";
import type { OitItemView } from "../../../shared/oit.ts";

export interface VerdictDraft {
  verdict: "" | "pass" | "fail";
  comment: string;
}

export function verdictDraftOf(item: OitItemView): VerdictDraft {
  return { verdict: item.verdict?.verdict ?? "", comment: item.verdict?.comment ?? "" };
}

/** An evaluator's pass or fail of one item with the comment the agency will read. */
export function ReviewFields({
  item,
  draft,
  onChange,
  disabled,
}: {
  item: OitItemView;
  draft: VerdictDraft;
  onChange: (draft: VerdictDraft) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const id = `oit-review-${item.id}`;
  return (
    <div className="oit-fields">
      <fieldset className="field oit-choices" disabled={disabled}>
        <legend>{t("oit.review.verdictFor", { item: item.id })}</legend>
        {(["pass", "fail"] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-verdict`}
              value={value}
              checked={draft.verdict === value}
              onChange={() => onChange({ ...draft, verdict: value })}
            />
            {t(`oit.verdict.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="field-label" htmlFor={`${id}-comment`}>
        {t("oit.review.comment", { item: item.id })}
      </label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        value={draft.comment}
        disabled={disabled}
        onChange={(event) => onChange({ ...draft, comment: event.target.value })}
      />
    </div>
  );
}
