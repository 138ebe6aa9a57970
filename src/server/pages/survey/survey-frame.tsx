import type { ReactNode } from "react";
import { PageLayout } from "../page-layout.tsx";
import type { SurveyInfo } from "./survey-info.ts";

/** A respondent page: the shared frame with the agency, the survey and the year above the content. */
export function SurveyFrame({
  info,
  title,
  children,
}: {
  info: SurveyInfo;
  title: string;
  children: ReactNode;
}) {
  return (
    <PageLayout title={`${title} · ${info.agencyName}`}>
      <div className="survey">
        <p className="muted">
          {info.agencyName} · {info.toolName} · ปีงบประมาณ {info.fiscalYear}
        </p>
        {children}
      </div>
    </PageLayout>
  );
}

/** Hidden fields that carry the respondent's key, admission and earlier answers to the next post. */
export function CarriedFields({
  form,
  skip = new Set<string>(),
}: {
  form: {
    key: string;
    code?: string | undefined;
    pass?: string | undefined;
    answers: Record<string, string>;
  };
  skip?: ReadonlySet<string>;
}) {
  return (
    <>
      <input type="hidden" name="_key" value={form.key} />
      {form.code ? <input type="hidden" name="_code" value={form.code} /> : null}
      {form.pass ? <input type="hidden" name="_pass" value={form.pass} /> : null}
      {Object.entries(form.answers)
        .filter(([itemId]) => !skip.has(itemId))
        .map(([itemId, option]) => (
          <input key={itemId} type="hidden" name={`a:${itemId}`} value={option} />
        ))}
    </>
  );
}
