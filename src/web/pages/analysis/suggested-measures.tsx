import { useQuery } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AgencyResponse } from "../../../shared/agency.ts";
import type { AnalysedResult, SuggestedMeasure } from "../../../shared/analysis.ts";
import type { MeasureResponse } from "../../../shared/measure.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { EmptyState, ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { formatScore } from "../../format.ts";
import { localText } from "./local-text.ts";
import { isAdopted } from "./measure-draft.ts";
import { useAnalysis, useMeasures } from "./use-analysis.ts";

// The dialog and its overlay library load on first use: most visits only read the suggestions.
const AdoptMeasureDialog = lazy(async () => ({
  default: (await import("./adopt-measure-dialog.tsx")).AdoptMeasureDialog,
}));

export interface SuggestedMeasuresProps {
  agencyId: string;
  assessmentId: string;
  /** The measures' fiscal year (Buddhist Era), e.g. 2566. */
  fiscalYear: number;
  /** The analysed result when the page has it already; fetched here when left out. */
  result?: AnalysedResult | null;
  /** The level of this section's heading; indicators and measures sit below it. */
  headingLevel?: 2 | 3;
}

type Heading = "h2" | "h3" | "h4" | "h5";

/** For each weak or urgent indicator, the suggested measures, each adoptable into the year's plan. */
export function SuggestedMeasures(props: SuggestedMeasuresProps) {
  const { agencyId, assessmentId, fiscalYear, headingLevel = 2 } = props;
  const { t, i18n } = useTranslation();
  const fetched = useAnalysis(agencyId, props.result === undefined ? assessmentId : undefined);
  const agency = useQuery({
    queryKey: keys.agency(agencyId),
    queryFn: () => api<AgencyResponse>(`/api/agencies/${agencyId}`),
  });
  const measures = useMeasures(agencyId, assessmentId);
  const [adopting, setAdopting] = useState<SuggestedMeasure | null>(null);
  const [created, setCreated] = useState<MeasureResponse | null>(null);
  const confirmation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The adopt button is gone once its measure is in the plan: move focus to the confirmation.
    if (created) confirmation.current?.focus();
  }, [created]);

  const H = `h${headingLevel}` as Heading;
  const H2 = `h${headingLevel + 1}` as Heading;
  const H3 = `h${headingLevel + 2}` as Heading;
  const language = i18n.language;
  const result = props.result === undefined ? fetched.data?.result : props.result;
  const reason = props.result === undefined ? fetched.data?.reason : null;
  const measuresPath = `/agencies/${agencyId}/${fiscalYear}/measures`;

  let body: ReactNode;
  if (props.result === undefined && fetched.isPending) body = <Loading />;
  else if (props.result === undefined && fetched.isError)
    body = <ErrorPanel error={fetched.error} onRetry={() => void fetched.refetch()} />;
  else if (!result)
    body = (
      <EmptyState title={t("analysis.noResult")}>
        {reason && localText(reason, language)}
      </EmptyState>
    );
  else if (result.suggestedMeasures.length === 0)
    body = (
      <EmptyState title={t("analysis.measures.none")}>{t("analysis.measures.noneHint")}</EmptyState>
    );
  else {
    const byNumber = new Map(result.indicators.map((i) => [i.number, i]));
    const inPlan = measures.data ?? [];
    body = result.suggestedMeasures.map(({ indicator: number, measures: suggested }) => {
      const indicator = byNumber.get(number);
      const headingId = `suggested-${number}`;
      return (
        <section key={number} aria-labelledby={headingId} className="suggested-group">
          <H2 id={headingId}>
            {t("analysis.measures.indicatorHeading", {
              number,
              name: indicator ? localText(indicator.name, language) : "",
              score: indicator ? formatScore(indicator.score, language) : "–",
              band: indicator ? t(`analysis.band.${indicator.band}`) : "",
            })}
          </H2>
          {suggested.length === 0 ? (
            <p className="muted">{t("analysis.measures.noneForIndicator")}</p>
          ) : (
            <ul className="card-list">
              {suggested.map((measure) => {
                const titleId = `suggested-${number}-${measure.id}`;
                return (
                  <li key={measure.id} className="suggested-measure">
                    <H3 id={titleId}>{measure.title}</H3>
                    <details>
                      <summary>{t("analysis.measures.steps")}</summary>
                      <ol>
                        {measure.steps.map((step) => (
                          <li key={step}>{step}</li>
                        ))}
                      </ol>
                    </details>
                    <p className="muted">
                      {t("analysis.measures.responsible", {
                        names: measure.responsible.join(", "),
                      })}
                      <br />
                      {t("analysis.measures.monitoring", { text: measure.monitoring })}
                      <br />
                      {t("analysis.measures.helps", { numbers: measure.indicators.join(", ") })}
                    </p>
                    {isAdopted(measure.title, inPlan) ? (
                      <p className="adopted">
                        <span aria-hidden="true">✓ </span>
                        {t("analysis.measures.adopted")} ·{" "}
                        <Link to={measuresPath}>{t("analysis.measures.openMeasures")}</Link>
                      </p>
                    ) : (
                      <button
                        type="button"
                        className="button button-primary"
                        aria-describedby={titleId}
                        disabled={agency.isPending || measures.isPending}
                        onClick={() => setAdopting(measure)}
                      >
                        {t("analysis.measures.adopt")}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      );
    });
  }

  return (
    <section aria-labelledby="suggested-heading" className="suggested-measures">
      <H id="suggested-heading">{t("analysis.measures.heading")}</H>
      <p>{t("analysis.measures.intro", { year: fiscalYear })}</p>
      <div role="status" ref={confirmation} tabIndex={-1} className="confirmation">
        {created && (
          <p className="panel panel-ok">
            {t("analysis.measures.created", { title: created.title, year: fiscalYear })}{" "}
            <Link to={measuresPath}>{t("analysis.measures.openMeasures")}</Link>
          </p>
        )}
      </div>
      {agency.isError && <ErrorPanel error={agency.error} onRetry={() => void agency.refetch()} />}
      {measures.isError && (
        <ErrorPanel error={measures.error} onRetry={() => void measures.refetch()} />
      )}
      {body}
      {adopting && result && (
        <Suspense fallback={<Loading />}>
          <AdoptMeasureDialog
            agencyId={agencyId}
            assessmentId={assessmentId}
            fiscalYear={fiscalYear}
            measure={adopting}
            indicators={result.indicators.map((i) => ({
              number: i.number,
              name: t("analysis.indicators.name", {
                number: i.number,
                name: localText(i.name, language),
              }),
            }))}
            divisions={agency.data?.divisions ?? []}
            onClose={() => setAdopting(null)}
            onCreated={(measure) => {
              setAdopting(null);
              setCreated(measure);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
