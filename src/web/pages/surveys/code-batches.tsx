import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CodeGenerateResponse, SurveySummary } from "../../../shared/survey.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";

/** Printed single-use codes: make a batch, download its cards, see how many were used. */
export function CodeBatches({
  survey,
  base,
  agencyId,
  assessmentId,
}: {
  survey: SurveySummary;
  base: string;
  agencyId: string;
  assessmentId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const client = useQueryClient();
  const generate = useMutation({
    mutationFn: (count: number) =>
      api<CodeGenerateResponse>(`${base}/${survey.tool}/codes`, {
        method: "POST",
        body: { count },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.surveys(agencyId, assessmentId) }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    generate.mutate(Number(new FormData(event.currentTarget).get("count")));
  };
  const { codes } = survey;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("surveys.codes.heading")}</h3>
      <p>{t("surveys.codes.summary", { printed: codes.printed, used: codes.used })}</p>
      <form className="inline" onSubmit={onSubmit}>
        <label className="field">
          <span>{t("surveys.codes.count")}</span>
          <input
            name="count"
            type="number"
            inputMode="numeric"
            min={1}
            max={2000}
            step={1}
            defaultValue={10}
            required
          />
        </label>
        <button type="submit" className="button button-primary" disabled={generate.isPending}>
          {t("surveys.codes.generate")}
        </button>
      </form>
      {generate.isError && <ErrorPanel error={generate.error} />}
      <p role="status">{generate.data ? t("surveys.codes.generated", generate.data) : ""}</p>
      {codes.batches.length === 0 ? (
        <p className="muted">{t("surveys.codes.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("surveys.codes.batch")}</th>
                <th scope="col">{t("surveys.codes.printed")}</th>
                <th scope="col">{t("surveys.codes.used")}</th>
                <th scope="col">{t("surveys.codes.download")}</th>
              </tr>
            </thead>
            <tbody>
              {codes.batches.map((b) => (
                <tr key={b.batch}>
                  <th scope="row">{b.batch}</th>
                  <td className="number">{b.printed}</td>
                  <td className="number">{b.used}</td>
                  <td>
                    <a href={`${base}/${survey.tool}/codes.pdf?batch=${b.batch}`} download>
                      {t("surveys.codes.downloadBatch", { batch: b.batch })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
