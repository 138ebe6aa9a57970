import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FrameworkDetail } from "../../../shared/framework.ts";
import type { PhoneEntryResponse } from "../../../shared/survey.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";

interface Item {
  id: string;
  text: string;
  question: string;
  scale: FrameworkDetail["scales"][number];
}

/** The tool's indicators with their scored items, in the framework's order (as respondents see them). */
function groupsOf(framework: FrameworkDetail, tool: string) {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  return framework.indicators
    .filter((i) => i.tool === tool)
    .map((indicator) => ({
      indicator,
      items: framework.questions.flatMap((q): Item[] => {
        const scale = scales.get(q.scale);
        if (q.indicator !== indicator.number || !scale) return [];
        if (q.subItems.length === 0) return [{ id: q.id, text: q.text, question: q.id, scale }];
        return q.subItems.map((s) => ({
          id: s.id,
          text: `${q.text} — ${s.text}`,
          question: q.id,
          scale,
        }));
      }),
    }));
}

/** An evaluator enters one telephone interview's answers on the respondent's behalf. */
export function PhoneEntryForm({
  tool,
  framework,
  base,
  agencyId,
  assessmentId,
}: {
  tool: string;
  framework: FrameworkDetail;
  base: string;
  agencyId: string;
  assessmentId: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  // One key per filled-in form: sending it twice stores it once.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const [formKey, setFormKey] = useState(0);
  const enter = useMutation({
    mutationFn: (answers: Record<string, string>) =>
      api<PhoneEntryResponse>(`${base}/${tool}/phone`, {
        method: "POST",
        body: { answers, idempotencyKey },
      }),
    onSuccess: () => {
      setKey(crypto.randomUUID());
      setFormKey((k) => k + 1);
      void client.invalidateQueries({ queryKey: keys.surveys(agencyId, assessmentId) });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const answers: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget)) answers[name] = String(value);
    enter.mutate(answers);
  };
  const english = i18n.language === "en";
  return (
    <section aria-labelledby={`${id}-heading`} className="phone-entry">
      <h3 id={`${id}-heading`}>{t("surveys.phone.heading")}</h3>
      <p className="panel">{t("surveys.phone.note")}</p>
      <details>
        <summary>{t("surveys.phone.open", { tool })}</summary>
        <form className="form" onSubmit={onSubmit} key={formKey}>
          {groupsOf(framework, tool).map(({ indicator, items }) => (
            <fieldset key={indicator.number} className="field phone-group">
              <legend>
                {t("surveys.phone.indicator", {
                  number: indicator.number,
                  name: english ? indicator.name.en : indicator.name.th,
                })}
              </legend>
              {items.map((item) => (
                <fieldset key={item.id} className="field">
                  <legend>
                    {item.id}. {item.text}
                  </legend>
                  <div className="inline">
                    {item.scale.options.map((option) => (
                      <label key={option.id} className="choice">
                        <input type="radio" name={item.id} value={option.id} />
                        {english ? option.label.en : option.label.th}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ))}
            </fieldset>
          ))}
          {enter.isError && <ErrorPanel error={enter.error} />}
          <p>
            <button type="submit" className="button button-primary" disabled={enter.isPending}>
              {t("surveys.phone.submit")}
            </button>
          </p>
        </form>
      </details>
      <p role="status">
        {enter.data
          ? t(
              enter.data.outcome === "stored"
                ? "surveys.phone.stored"
                : "surveys.phone.alreadyStored",
            )
          : ""}
      </p>
    </section>
  );
}
