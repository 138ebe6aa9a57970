import { useTranslation } from "react-i18next";
import type { OitItemView } from "../../../shared/oit.ts";

/** The coordinator's draft of one item as typed: links one per line. */
export interface AnswerDraft {
  has: "" | "yes" | "no";
  urls: string;
  explanation: string;
}

export function draftOf(item: OitItemView): AnswerDraft {
  const answer = item.answer;
  return {
    has: answer?.has === true ? "yes" : answer?.has === false ? "no" : "",
    urls: answer?.urls.join("\n") ?? "",
    explanation: answer?.explanation ?? "",
  };
}

/** The draft as the API takes it; links are checked by the server with every other problem. */
export function answerOf(itemId: string, draft: AnswerDraft) {
  return {
    itemId,
    has: draft.has === "" ? null : draft.has === "yes",
    urls: draft.urls
      .split(/\s+/)
      .map((u) => u.trim())
      .filter(Boolean),
    explanation: draft.explanation.trim(),
  };
}

/** Has / has not, the evidence links and an explanation of one item. */
export function ChecklistFields({
  item,
  draft,
  onChange,
}: {
  item: OitItemView;
  draft: AnswerDraft;
  onChange: (draft: AnswerDraft) => void;
}) {
  const { t } = useTranslation();
  const id = `oit-${item.id}`;
  return (
    <div className="oit-fields">
      <fieldset className="field oit-choices">
        <legend>{t("oit.form.has", { item: item.id })}</legend>
        {(["yes", "no"] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name={`${id}-has`}
              value={value}
              checked={draft.has === value}
              onChange={() => onChange({ ...draft, has: value })}
            />
            {t(`oit.form.${value}`)}
          </label>
        ))}
      </fieldset>
      <label className="field-label" htmlFor={`${id}-urls`}>
        {t("oit.form.urls", { item: item.id })}
      </label>
      <textarea
        id={`${id}-urls`}
        rows={2}
        value={draft.urls}
        aria-describedby={`${id}-urls-hint`}
        onChange={(event) => onChange({ ...draft, urls: event.target.value })}
      />
      <small id={`${id}-urls-hint`}>{t("oit.form.urlsHint")}</small>
      <label className="field-label" htmlFor={`${id}-explanation`}>
        {t("oit.form.explanation", { item: item.id })}
      </label>
      <textarea
        id={`${id}-explanation`}
        rows={2}
        value={draft.explanation}
        onChange={(event) => onChange({ ...draft, explanation: event.target.value })}
      />
    </div>
  );
}
