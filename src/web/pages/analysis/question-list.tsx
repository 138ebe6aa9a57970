import { useTranslation } from "react-i18next";
import type { QuestionDetail } from "../../../shared/analysis.ts";
import { formatScore } from "../../format.ts";

/** A survey indicator's questions, with each one's score when the stored result kept it. */
export function QuestionList({ questions }: { questions: readonly QuestionDetail[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="card-list question-list">
      {questions.map((question) => (
        <li key={question.id}>
          <p className="question-text">
            <span className="question-id">{question.id.toUpperCase()}</span> {question.text}
          </p>
          {question.subItems.length > 0 && (
            <ul>
              {question.subItems.map((item) => (
                <li key={item.id}>
                  <span className="muted">{item.id.toUpperCase()}</span> {item.text}
                </li>
              ))}
            </ul>
          )}
          {question.reverse && <p className="muted">{t("analysis.detail.reverse")}</p>}
          {question.score !== null && (
            <p>
              <strong>
                {t("analysis.detail.questionScore", {
                  score: formatScore(question.score, i18n.language),
                })}
              </strong>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
