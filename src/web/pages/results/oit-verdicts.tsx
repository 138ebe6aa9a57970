import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";

/** The optional pass/fail of each OIT item, folded away: most agencies have only the totals. */
export function OitVerdicts({
  framework,
  verdicts,
}: {
  framework: FrameworkDetail;
  verdicts: Record<string, "pass" | "fail"> | null;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const given = Object.keys(verdicts ?? {}).length;
  return (
    <details className="oit-verdicts">
      <summary>
        {t("results.form.oit")}
        {given > 0 && (
          <span className="muted">&nbsp;· {t("results.form.oitGiven", { count: given })}</span>
        )}
      </summary>
      <p className="muted">{t("results.form.oitHint")}</p>
      {framework.oit.map((sub) => (
        <fieldset key={sub.id}>
          <legend>
            {sub.id} {english ? sub.name.en : sub.name.th}
          </legend>
          {sub.items.map((item) => (
            <label key={item.id}>
              <span>
                {item.id.toUpperCase()} {english ? item.title.en : item.title.th}
              </span>
              <select name={`oit-${item.id}`} defaultValue={verdicts?.[item.id] ?? ""}>
                <option value="">{t("results.form.verdicts.none")}</option>
                <option value="pass">{t("results.form.verdicts.pass")}</option>
                <option value="fail">{t("results.form.verdicts.fail")}</option>
              </select>
            </label>
          ))}
        </fieldset>
      ))}
    </details>
  );
}
