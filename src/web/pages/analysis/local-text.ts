import { numberFormat } from "../../format.ts";

// Small readers for text and numbers the API gives in both languages.

/** The Thai or English of a bilingual text, Thai when the English is missing. */
export function localText(text: { th: string; en: string }, language: string): string {
  return language === "en" && text.en ? text.en : text.th;
}

/** A threshold or target as people write it: 80, 84.5 (no trailing zeros). */
export function formatPoints(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 2 }).format(value);
}
