import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OitItemView } from "../../../shared/oit.ts";

/** An item's answer state as a chip: answered has / has not, or not yet. */
export function answerState(item: OitItemView): "has" | "hasNot" | "none" {
  if (item.answer?.has === true) return "has";
  return item.answer?.has === false ? "hasNot" : "none";
}

const stateBadge = { has: "badge-ok", hasNot: "badge-warning", none: "oit-badge-none" } as const;

/** One OIT item: its title, the elements the framework requires, chips, and the mode's fields. */
export function OitItemCard({ item, children }: { item: OitItemView; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const state = answerState(item);
  const headingId = `oit-item-${item.id}`;
  return (
    <section className="card oit-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {item.id} {english ? item.title.en : item.title.th}
      </h3>
      <p className="oit-chips">
        <span className={`badge ${stateBadge[state]}`}>{t(`oit.answerState.${state}`)}</span>
        {item.verdict && (
          <span
            className={`badge ${item.verdict.verdict === "pass" ? "badge-ok" : "badge-danger"}`}
          >
            {t(`oit.verdict.${item.verdict.verdict}`)}
          </span>
        )}
        {item.check && (
          <span className={`badge ${item.check.status === "pass" ? "badge-ok" : "badge-warning"}`}>
            {t("oit.check.label", { status: t(`oit.check.status.${item.check.status}`) })}
          </span>
        )}
      </p>
      <details className="oit-elements">
        <summary>{t("oit.elements", { count: item.elements.length })}</summary>
        <ul>
          {item.elements.map((element) => (
            <li key={element}>{element}</li>
          ))}
        </ul>
      </details>
      {children}
    </section>
  );
}

/** What the agency answered, read only (for evaluators and after submission). */
export function AnswerSummary({ item }: { item: OitItemView }) {
  const { t } = useTranslation();
  const answer = item.answer;
  if (!answer) return <p className="muted">{t("oit.noAnswer")}</p>;
  return (
    <div className="oit-answer">
      {answer.urls.length > 0 && (
        <ul className="oit-links" aria-label={t("oit.links")}>
          {answer.urls.map((url) => (
            <li key={url}>
              <a href={url} target="_blank" rel="noreferrer noopener">
                {url}
              </a>
            </li>
          ))}
        </ul>
      )}
      {answer.explanation && <p>{answer.explanation}</p>}
      <CheckFinding item={item} />
      {item.verdict?.comment && (
        <p>
          <strong>{t("oit.evaluatorComment")}</strong> {item.verdict.comment}
        </p>
      )}
      {answer.clarification && (
        <p>
          <strong>{t("oit.clarification.given")}</strong> {answer.clarification}
          {answer.clarificationUrls.map((url) => (
            <a
              key={url}
              href={url}
              target="_blank"
              rel="noreferrer noopener"
              className="oit-inline-link"
            >
              {url}
            </a>
          ))}
        </p>
      )}
    </div>
  );
}

/** The website checker's finding beside the answer. */
export function CheckFinding({ item }: { item: OitItemView }) {
  const { t, i18n } = useTranslation();
  const check = item.check;
  if (!check) return <p className="muted">{t("oit.check.none")}</p>;
  return (
    <p className="oit-finding">
      <strong>{t("oit.check.heading")}</strong> {t(`oit.check.status.${check.status}`)} —{" "}
      {i18n.language === "en" ? check.reasonEn : check.reason}
      {check.url && (
        <>
          {" "}
          <a href={check.url} target="_blank" rel="noreferrer noopener">
            {check.url}
          </a>
        </>
      )}
    </p>
  );
}
