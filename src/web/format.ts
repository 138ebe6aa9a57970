// Dates and numbers the Thai way (Buddhist era) or the English way, through Intl only.

function locale(language: string): string {
  return language === "en" ? "en-GB" : "th-TH-u-ca-buddhist";
}

/** An ISO day (YYYY-MM-DD) or instant as a long date in the reader's language. */
export function formatDate(iso: string, language: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: iso.length === 10 ? "UTC" : "Asia/Bangkok",
  }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Bangkok",
  }).format(new Date(iso));
}

/** A score with two decimals, as published. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(locale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}
