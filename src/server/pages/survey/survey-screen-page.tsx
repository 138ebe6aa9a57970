import type { Scale } from "../../../domain/framework/schema.ts";
import type { SurveyGroup } from "../../../domain/survey/survey-form.ts";
import { renderPage } from "../page-layout.tsx";
import { CarriedFields, SurveyFrame } from "./survey-frame.tsx";
import {
  answerField,
  type CarriedForm,
  type ItemLabel,
  itemAnchor,
  type SurveyInfo,
} from "./survey-info.ts";

export interface ScreenPageProps {
  info: SurveyInfo;
  group: SurveyGroup;
  /** 0-based. */
  screen: number;
  labels: ReadonlyMap<string, ItemLabel>;
  form: CarriedForm;
  /** Items of this screen left unanswered when the respondent tried to go on. */
  missing: readonly string[];
}

/** One screen of the questionnaire: one indicator's questions, each item its own radio group. */
export function SurveyScreenPage({ info, group, screen, labels, form, missing }: ScreenPageProps) {
  const last = screen === info.screens - 1;
  const here = new Set(group.questions.flatMap((q) => q.itemIds));
  const missingSet = new Set(missing);
  const progress = `ส่วนที่ ${screen + 1} จาก ${info.screens}`;
  return (
    <SurveyFrame info={info} title={`${progress}${missing.length > 0 ? " (ยังตอบไม่ครบ)" : ""}`}>
      <h1>
        {progress}: {group.name.th}
      </h1>
      <progress max={info.screens} value={screen + 1} aria-label={progress}>
        {progress}
      </progress>
      {missing.length > 0 ? (
        <div className="errors" role="alert">
          <h2>ยังไม่ได้ตอบ {missing.length} ข้อ</h2>
          <ul>
            {missing.map((itemId) => (
              <li key={itemId}>
                <a href={`#${itemAnchor(itemId)}`}>
                  ข้อ {labels.get(itemId)?.number}: {labels.get(itemId)?.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={`${info.basePath}/${last ? "submit" : "screen"}`}>
        <CarriedFields form={form} skip={here} />
        <input type="hidden" name="_screen" value={String(screen)} />
        {group.questions.map(({ question, scale, itemIds }) => {
          const number = labels.get(itemIds[0] ?? "")?.number.split(".")[0];
          const invalid = itemIds.some((id) => missingSet.has(id));
          if (question.subItems.length === 0)
            return (
              <div key={question.id} className={invalid ? "q invalid" : "q"}>
                <Choices
                  itemId={question.id}
                  legend={`${number}. ${question.text}`}
                  scale={scale}
                  chosen={form.answers[question.id]}
                  missing={missingSet.has(question.id)}
                />
              </div>
            );
          const headingId = `q-${itemAnchor(question.id)}`;
          return (
            <section
              key={question.id}
              className={invalid ? "q invalid" : "q"}
              aria-labelledby={headingId}
            >
              <h2 id={headingId}>
                {number}. {question.text}
              </h2>
              {question.subItems.map((sub) => (
                <Choices
                  key={sub.id}
                  itemId={sub.id}
                  legend={`${labels.get(sub.id)?.number} ${sub.text}`}
                  scale={scale}
                  chosen={form.answers[sub.id]}
                  missing={missingSet.has(sub.id)}
                />
              ))}
            </section>
          );
        })}
        <div className="actions">
          {last ? (
            <button className="button" type="submit">
              ส่งคำตอบ
            </button>
          ) : (
            <button className="button" type="submit" name="_nav" value="next">
              ถัดไป
            </button>
          )}
          {screen > 0 ? (
            <button
              className="button secondary"
              type="submit"
              name="_nav"
              value="back"
              formAction={`${info.basePath}/screen`}
            >
              ย้อนกลับ
            </button>
          ) : null}
        </div>
        {last ? <p className="hint">เมื่อส่งแล้วจะแก้ไขคำตอบไม่ได้</p> : null}
      </form>
    </SurveyFrame>
  );
}

function Choices({
  itemId,
  legend,
  scale,
  chosen,
  missing,
}: {
  itemId: string;
  legend: string;
  scale: Scale;
  chosen: string | undefined;
  missing: boolean;
}) {
  const anchor = itemAnchor(itemId);
  return (
    <fieldset className="choices" aria-describedby={missing ? `${anchor}-error` : undefined}>
      <legend>{legend}</legend>
      {missing ? (
        <p className="error" id={`${anchor}-error`}>
          กรุณาเลือกคำตอบข้อนี้
        </p>
      ) : null}
      {scale.options.map((option, i) => (
        <label key={option.id}>
          <input
            type="radio"
            id={i === 0 ? anchor : undefined}
            name={answerField(itemId)}
            value={option.id}
            defaultChecked={chosen === option.id}
          />
          {option.label.th}
        </label>
      ))}
    </fieldset>
  );
}

export function renderSurveyScreenPage(props: ScreenPageProps): string {
  return renderPage(<SurveyScreenPage {...props} />);
}
