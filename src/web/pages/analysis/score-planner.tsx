import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnalysedResult, PlannerAction } from "../../../shared/analysis.ts";
import { formatScore } from "../../format.ts";
import { formatPoints } from "./local-text.ts";
import { actionKey, type LevelBand, levelFor, projectOverall } from "./projection.ts";

/** The planner: what each action adds, the fewest actions per target, and a what-if to try. */
export function ScorePlanner({
  planner,
  levels,
}: {
  planner: AnalysedResult["planner"];
  /** The analysed framework's level bands; the projection shows "–" until they load. */
  levels: readonly LevelBand[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const gain = (action: PlannerAction) =>
    t("analysis.planner.gain", { value: formatScore(action.gain, language) });
  const picked = planner.actions.filter((a) => chosen.has(actionKey(a)));
  const projected = projectOverall(planner.overall, picked);
  const level = (levels && levelFor(levels, projected)) ?? "–";
  const toggle = (key: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  return (
    <>
      <p>
        {t("analysis.planner.intro")}{" "}
        {t("analysis.planner.start", { score: formatScore(planner.overall, language) })}
      </p>
      <h3>{t("analysis.planner.targets")}</h3>
      <div className="grid">
        {planner.targets.map((plan) => (
          <section key={plan.target} className="card" aria-labelledby={`target-${plan.target}`}>
            <h4 id={`target-${plan.target}`}>
              {t("analysis.planner.targetHeading", {
                target: formatPoints(plan.target, language),
              })}
            </h4>
            {plan.gap <= 0 ? (
              <p>
                {t("analysis.planner.targetReached", {
                  target: formatPoints(plan.target, language),
                })}
              </p>
            ) : (
              <>
                <p className="muted">
                  {t("analysis.planner.targetGap", { gap: formatScore(plan.gap, language) })}
                </p>
                <p className="target-plan">
                  <strong>
                    {t(
                      plan.reachable
                        ? "analysis.planner.targetPlan"
                        : "analysis.planner.targetUnreachable",
                      {
                        count: plan.actions.length,
                        score: formatScore(plan.overallAfter, language),
                        level: plan.levelAfter,
                      },
                    )}
                  </strong>
                </p>
                <ol>
                  {plan.actions.map((action) => (
                    <li key={actionKey(action)}>
                      {action.label}: <span className="nowrap">{gain(action)}</span>
                    </li>
                  ))}
                </ol>
              </>
            )}
          </section>
        ))}
      </div>

      <h3>{t("analysis.planner.whatIf")}</h3>
      {planner.actions.length === 0 ? (
        <p>{t("analysis.planner.noActions")}</p>
      ) : (
        <div className="what-if">
          <fieldset className="field what-if-actions">
            <legend>{t("analysis.planner.actions")}</legend>
            <small>{t("analysis.planner.whatIfHint")}</small>
            <ul className="check-list">
              {planner.actions.map((action) => {
                const key = actionKey(action);
                return (
                  <li key={key}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={chosen.has(key)}
                        onChange={(event) => toggle(key, event.currentTarget.checked)}
                      />
                      <span>
                        {action.label}: <strong className="nowrap">{gain(action)}</strong>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <div className="what-if-result">
            <p className="big-number" aria-hidden="true">
              {formatScore(projected, language)}
              <span className="muted"> · {level}</span>
            </p>
            <p role="status" aria-live="polite" className="projection">
              {picked.length === 0
                ? t("analysis.planner.projectionNone", {
                    score: formatScore(projected, language),
                    level,
                  })
                : t("analysis.planner.projection", {
                    count: picked.length,
                    score: formatScore(projected, language),
                    level,
                    gain: formatScore(projected - planner.overall, language),
                  })}
            </p>
            {picked.length > 0 && (
              <button type="button" className="button" onClick={() => setChosen(new Set())}>
                {t("analysis.planner.clear")}
              </button>
            )}
          </div>
        </div>
      )}
    </>
  );
}
