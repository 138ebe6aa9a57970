import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OitChecklistResponse, OitItemView } from "../../../shared/oit.ts";
import { OitItemCard } from "./oit-item-card.tsx";

/** The items grouped by sub-indicator, each with what the current mode shows below it. */
export function ItemGroups({
  checklist,
  render,
  only,
}: {
  checklist: OitChecklistResponse;
  render: (item: OitItemView) => ReactNode;
  only?: (item: OitItemView) => boolean;
}) {
  const { i18n } = useTranslation();
  return (
    <>
      {checklist.subIndicators.map((sub) => {
        const items = only ? sub.items.filter(only) : sub.items;
        if (items.length === 0) return null;
        return (
          <section key={sub.id} className="oit-group" aria-labelledby={`oit-sub-${sub.id}`}>
            <h2 id={`oit-sub-${sub.id}`}>
              {sub.id} {i18n.language === "en" ? sub.name.en : sub.name.th}
            </h2>
            {items.map((item) => (
              <OitItemCard key={item.id} item={item}>
                {render(item)}
              </OitItemCard>
            ))}
          </section>
        );
      })}
    </>
  );
}

/** Names a problem's field by its item: `body.answers.3.urls.0` → "O4". */
export function describeItemPath(sent: readonly string[]) {
  return (path: string) => {
    const match = /^body\.\w+\.(\d+)/.exec(path) ?? /^items\.(O\w+)/i.exec(path);
    if (!match?.[1]) return undefined;
    return /^\d+$/.test(match[1]) ? sent[Number(match[1])] : match[1];
  };
}
