// Dates and numbers the Thai way (Buddhist era) or the English way, through Intl only.

function locale(language: string): string {
  return language === "en" ? "en-GB" : "th-TH-u-ca-buddhist";
}

// One formatter per language and options: making one costs far more than using it, and the
// national tables format thousands of numbers in one render.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The reader's number format with these options, made once. */
export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(language), options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale(language), options);
    dateFormats.set(key, format);
  }
  return format;
}

/** A count with the reader's digit grouping: 8,300. */
export function formatCount(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** An ISO day (YYYY-MM-DD) or instant as a long date in the reader's language. */
export function formatDate(iso: string, language: string): string {
  const date = iso.length === 10 ? new Date(`${iso}T00:00:00Z`) : new Date(iso);
  return dateFormat(language, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: iso.length === 10 ? "UTC" : "Asia/Bangkok",
  }).format(date);
}

export function formatDateTime(iso: string, language: string): string {
  return dateFormat(language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Bangkok",
  }).format(new Date(iso));
}

/** A score with two decimals, as published. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return "–";
  return numberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    value,
  );
}
