import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { NationalOverview } from "../../../shared/national.ts";
import { type NationalSort, nationalSorts } from "../../../shared/national-options.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";
import { ScoreChange } from "../analysis/score-change.tsx";

/** Every agency with a result, sortable by total, searchable by name, paged; each links to its page. */
export function AgencyList({
  overview,
  q,
  sort,
  onSearch,
  onSort,
  onPage,
}: {
  overview: NationalOverview;
  q: string | null;
  sort: NationalSort;
  onSearch: (q: string | null) => void;
  onSort: (sort: NationalSort) => void;
  onPage: (page: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const searchId = useId();
  const { items, total, page, pageSize } = overview.list;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get("q");
    onSearch(typeof value === "string" && value.trim() !== "" ? value.trim() : null);
  };
  return (
    <section aria-labelledby="agencies-heading" className="national-section">
      <h2 id="agencies-heading">{t("national.list.heading")}</h2>
      <div className="national-list-tools">
        <search>
          <form onSubmit={submit} className="inline">
            <label htmlFor={searchId}>{t("national.list.search")}</label>
            {/* Keyed by the address's search, so going back shows what was searched then. */}
            <input id={searchId} key={q ?? ""} name="q" type="search" defaultValue={q ?? ""} />
            <button type="submit" className="button">
              {t("national.list.searchButton")}
            </button>
          </form>
        </search>
        <label className="field">
          <span>{t("national.list.sort")}</span>
          <select value={sort} onChange={(e) => onSort(e.target.value as NationalSort)}>
            {nationalSorts.map((s) => (
              <option key={s} value={s}>
                {t(`national.list.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted" aria-live="polite">
        {t("national.list.count", { count: total })}
      </p>
      {items.length > 0 && (
        <TableRegion label={t("national.list.heading")}>
          <table>
            <caption className="visually-hidden">{t("national.list.heading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("national.columns.agency")}</th>
                <th scope="col">{t("national.columns.type")}</th>
                <th scope="col">{t("national.columns.province")}</th>
                <th scope="col" className="number">
                  {t("national.columns.total")}
                </th>
                <th scope="col">{t("national.columns.level")}</th>
                <th scope="col">{t("national.columns.change")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a, row) => (
                <tr key={a.agencyId}>
                  <th scope="row">
                    <Link
                      to={`/agencies/${a.agencyId}`}
                      elementtiming={row === 0 ? "national-list" : undefined}
                    >
                      {a.name}
                    </Link>
                  </th>
                  <td>{a.type}</td>
                  <td>{a.province}</td>
                  <td className="number">{formatScore(a.total, language)}</td>
                  <td>{a.level}</td>
                  <td>
                    <ScoreChange change={a.change} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {pages > 1 && (
        <nav aria-label={t("national.list.pages")} className="inline national-pager">
          <button
            type="button"
            className="button"
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            {t("national.list.previous")}
          </button>
          <span>{t("national.list.pageOf", { page, pages })}</span>
          <button
            type="button"
            className="button"
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            {t("national.list.next")}
          </button>
        </nav>
      )}
    </section>
  );
}
