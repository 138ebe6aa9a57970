import { useTranslation } from "react-i18next";
import { splitProblemPath } from "./measure-draft.ts";

// The server names a refused value by its path (body.monitoring.0.date); people read field names.

const fields = [
  "title",
  "steps",
  "responsible",
  "indicators",
  "oitItems",
  "monitoring",
  "startDate",
  "dueDate",
  "status",
  "progress",
  "evidenceLinks",
  "asOf",
  "summary",
  "entries",
  "version",
] as const;
type Field = (typeof fields)[number];
const parts = ["date", "activity", "status", "progress", "note", "measureId"] as const;
type Part = (typeof parts)[number];

function isField(value: string): value is Field {
  return (fields as readonly string[]).includes(value);
}
function isPart(value: string): value is Part {
  return (parts as readonly string[]).includes(value);
}

/** "body.monitoring.0.date" → "การติดตาม แถวที่ 1 (วันที่)"; undefined for a path it does not know. */
export function useDescribePath(): (path: string) => string | undefined {
  const { t } = useTranslation();
  return (path) => {
    const { field, row, part } = splitProblemPath(path);
    if (!isField(field)) return undefined;
    let words = t(`measures.fields.${field}`);
    if (row !== undefined) words += ` ${t("measures.fields.row", { n: row })}`;
    if (part && isPart(part)) words += ` (${t(`measures.fields.parts.${part}`)})`;
    return words;
  };
}
