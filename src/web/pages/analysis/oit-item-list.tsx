import { useTranslation } from "react-i18next";
import type { OitItemDetail } from "../../../shared/analysis.ts";
import { localText } from "./local-text.ts";

const verdictClass = { pass: "badge-ok", fail: "badge-danger", unknown: "badge-neutral" } as const;

/** A checklist indicator's items by sub-indicator: what to publish, and pass or fail when known. */
export function OitItemList({ items }: { items: readonly OitItemDetail[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const groups = new Map<string, OitItemDetail[]>();
  for (const item of items)
    groups.set(item.subIndicator.id, [...(groups.get(item.subIndicator.id) ?? []), item]);
  const known = items.filter((i) => i.verdict !== null);
  return (
    <>
      {known.length > 0 && (
        <p>
          <strong>
            {t("analysis.detail.passCount", {
              pass: known.filter((i) => i.verdict === "pass").length,
              total: items.length,
            })}
          </strong>
        </p>
      )}
      {[...groups.values()].map((group) => {
        const sub = group[0]?.subIndicator;
        if (!sub) return null;
        return (
          <section key={sub.id} aria-labelledby={`sub-${sub.id}`}>
            <h3 id={`sub-${sub.id}`}>
              {sub.id} {localText(sub.name, language)}
            </h3>
            <ul className="card-list">
              {group.map((item) => {
                const verdict = item.verdict ?? "unknown";
                return (
                  <li key={item.id} className="oit-item">
                    <p className="oit-title">
                      <strong>
                        {item.id.toUpperCase()} {localText(item.title, language)}
                      </strong>{" "}
                      {/* With no verdict kept at all, the note above says so once, not per item. */}
                      {known.length > 0 && (
                        <span className={`badge ${verdictClass[verdict]}`}>
                          {t(`analysis.detail.verdict.${verdict}`)}
                        </span>
                      )}
                    </p>
                    <details>
                      <summary>{t("analysis.detail.itemDetails")}</summary>
                      {item.elements.length > 0 && (
                        <>
                          <p className="muted">{t("analysis.detail.elements")}:</p>
                          <ul>
                            {item.elements.map((element) => (
                              <li key={element}>{element}</li>
                            ))}
                          </ul>
                        </>
                      )}
                      <p className="muted">
                        {t(`analysis.detail.evidenceYear.${item.evidenceYear}`)}
                      </p>
                      {item.recommendation && (
                        <p>
                          <strong>{t("analysis.detail.recommendation")}:</strong>{" "}
                          {item.recommendation}
                        </p>
                      )}
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
