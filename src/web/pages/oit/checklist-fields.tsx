import { useTranslation } from "react-i18next";
import type { OitItemView } from "../../../shared/oit.ts";
import { CheckFinding } from "./oit-item-card.tsx";

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
  onAcceptProposal,
}: {
  item: OitItemView;
  draft: AnswerDraft;
  onChange: (draft: AnswerDraft) => void;
  /** Adds the website checker's proposed link to the draft. */
  onAcceptProposal: (url: string) => void;
}) {
  const { t } = useTranslation();
  const id = `oit-${item.id}`;
  // The checker found evidence at a link the agency has not given yet: offer it.
  const proposal =
    item.check?.status === "pass" && item.check.url && !draft.urls.includes(item.check.url)
      ? item.check.url
      : null;
  return (
    <div className="oit-fields">
      <CheckFinding item={item} />
      {proposal && (
        <p>
          <button type="button" className="button" onClick={() => onAcceptProposal(proposal)}>
            {t("oit.form.acceptProposal", { item: item.id })}
          </button>
        </p>
      )}
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
