import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { ImportChange, ImportSummary } from "../../../shared/result.ts";
import { TableRegion } from "../../components/table-region.tsx";
import { formatScore } from "../../format.ts";

// A national file may hold thousands of rows: list a readable number, detail fewer.
const LISTED_ROWS = 200;
const DETAILED_ROWS = 10;

type Figures = NonNullable<ImportChange["current"]> | ImportChange["incoming"];
type Value = number | string | null | undefined;

function stateOf(change: ImportChange): "unchanged" | "new" | "changed" {
  if (change.unchanged) return "unchanged";
  return change.current ? "changed" : "new";
}

function StateBadge({ change }: { change: ImportChange }) {
  const { t } = useTranslation();
  const state = stateOf(change);
  const tone = state === "unchanged" ? "badge-ok" : "badge-warning";
  return <span className={`badge ${tone}`}>{t(`results.import.${state}`)}</span>;
}

/** One agency-year: each figure now and from the file, the changed ones highlighted and marked. */
function ChangeDetail({
  change,
  framework,
}: {
  change: ImportChange;
  framework: FrameworkDetail | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const show = (value: Value) =>
    value === null || value === undefined
      ? t("results.import.nothing")
      : typeof value === "number"
        ? formatScore(value, language)
        : value;
  const names = framework?.id === change.frameworkId ? framework.indicators : [];
  const nameOf = (n: number) => {
    const name = names.find((i) => i.number === n)?.name;
    const text = name ? (language === "en" ? name.en : name.th) : "";
    return t("results.indicatorLabel", { number: n, name: text }).trim();
  };
  const { current, incoming } = change;
  const numbers = [
    ...new Set([...Object.keys(current?.indicators ?? {}), ...Object.keys(incoming.indicators)]),
  ]
    .map(Number)
    .sort((a, b) => a - b);
  const pick = (f: Figures | null, get: (f: Figures) => Value): Value => (f ? get(f) : null);
  const lines: { label: string; get: (f: Figures) => Value }[] = [
    { label: t("results.import.overall"), get: (f) => f.overall },
    { label: t("results.import.computedLevel"), get: (f) => f.level },
    { label: t("results.officialOverall"), get: (f) => f.official?.overall },
    { label: t("results.officialLevel"), get: (f) => f.official?.level },
    ...numbers.map((n) => ({ label: nameOf(n), get: (f: Figures) => f.indicators[String(n)] })),
  ];
  const caption = t("results.import.detailCaption", {
    row: change.row,
    agency: change.agencyName,
    year: change.fiscalYear,
  });
  return (
    <div className="change-detail">
      <TableRegion label={caption}>
        <table>
          <caption>
            {caption} <StateBadge change={change} />
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("results.import.item")}</th>
              <th scope="col" className="number">
                {t("results.import.current")}
              </th>
              <th scope="col" className="number">
                {t("results.import.incoming")}
              </th>
              <th scope="col">{t("results.import.state")}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => {
              const before = pick(current, line.get) ?? null;
              const after = line.get(incoming) ?? null;
              const changed = before !== after;
              return (
                <tr key={line.label} className={changed ? "changed" : undefined}>
                  <th scope="row">{line.label}</th>
                  <td className="number">{show(before)}</td>
                  <td className="number">{show(after)}</td>
                  <td>{changed ? t("results.import.changed") : t("results.import.unchanged")}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
      {current && current.oitVerdicts > 0 && (
        <p className="panel panel-warning">
          {t("results.import.oitRemoved", { count: current.oitVerdicts })}
        </p>
      )}
    </div>
  );
}

/** What a checked file would change, before anything is written. */
export function ImportPreview({
  summary,
  framework,
}: {
  summary: ImportSummary;
  framework: FrameworkDetail | undefined;
}) {
  const { t, i18n } = useTranslation();
  const score = (value: number) => formatScore(value, i18n.language);
  const changes = summary.changes ?? [];
  const changed = changes.filter((c) => !c.unchanged);
  return (
    <section aria-labelledby="import-preview-heading">
      <h3 id="import-preview-heading">{t("results.import.previewTitle")}</h3>
      <p role="status">
        {t("results.import.previewIntro", { rows: summary.rows, agencies: summary.agencies })}
      </p>
      {summary.assessmentsCreated > 0 && (
        <p>{t("results.import.willCreate", { count: summary.assessmentsCreated })}</p>
      )}
      {changed.length === 0 && <p className="panel">{t("results.import.allUnchanged")}</p>}
      {summary.discrepancies.map((d) => (
        <p key={d.row} className="panel panel-warning">
          {t("results.import.discrepancy", {
            row: d.row,
            official: score(d.officialOverall),
            computed: score(d.computedOverall),
          })}
        </p>
      ))}
      <TableRegion label={t("results.import.summaryCaption")}>
        <table className="import-table">
          <caption>{t("results.import.summaryCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t("results.import.row")}
              </th>
              <th scope="col">{t("results.import.agency")}</th>
              <th scope="col" className="number">
                {t("results.import.year")}
              </th>
              <th scope="col" className="number">
                {t("results.import.current")}
              </th>
              <th scope="col" className="number">
                {t("results.import.incoming")}
              </th>
              <th scope="col">{t("results.import.state")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.slice(0, LISTED_ROWS).map((change) => (
              <tr key={change.row}>
                <td className="number">{change.row}</td>
                <th scope="row">{change.agencyName}</th>
                <td className="number">{change.fiscalYear}</td>
                <td className="number">
                  {change.current
                    ? `${score(change.current.overall)} ${change.current.level}`
                    : t("results.import.nothing")}
                </td>
                <td className="number">
                  {score(change.incoming.overall)} {change.incoming.level}
                </td>
                <td>
                  <StateBadge change={change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {changes.length > LISTED_ROWS && (
        <p>{t("results.import.moreRows", { count: changes.length - LISTED_ROWS })}</p>
      )}
      {changed.length > DETAILED_ROWS && (
        <p>{t("results.import.moreDetails", { shown: DETAILED_ROWS, total: changed.length })}</p>
      )}
      {changed.slice(0, DETAILED_ROWS).map((change) => (
        <ChangeDetail key={change.row} change={change} framework={framework} />
      ))}
    </section>
  );
}
