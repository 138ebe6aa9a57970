import { useTranslation } from "react-i18next";
import type { OitItemView } from "../../../shared/oit.ts";

export interface ClarificationDraft {
  text: string;
  urls: string;
}

export function clarificationDraftOf(item: OitItemView): ClarificationDraft {
  return {
    text: item.answer?.clarification ?? "",
    urls: item.answer?.clarificationUrls.join("\n") ?? "",
  };
}

/** The agency's clarification of one failed item: what it shows and where. */
export function ClarificationFields({
  item,
  draft,
  onChange,
}: {
  item: OitItemView;
  draft: ClarificationDraft;
  onChange: (draft: ClarificationDraft) => void;
}) {
  const { t } = useTranslation();
  const id = `oit-clarify-${item.id}`;
  return (
    <div className="oit-fields">
      <label className="field-label" htmlFor={`${id}-text`}>
        {t("oit.clarification.text", { item: item.id })}
      </label>
      <textarea
        id={`${id}-text`}
        rows={3}
        value={draft.text}
        onChange={(event) => onChange({ ...draft, text: event.target.value })}
      />
      <label className="field-label" htmlFor={`${id}-urls`}>
        {t("oit.clarification.urls", { item: item.id })}
      </label>
      <textarea
        id={`${id}-urls`}
        rows={2}
        value={draft.urls}
        onChange={(event) => onChange({ ...draft, urls: event.target.value })}
      />
    </div>
  );
}
