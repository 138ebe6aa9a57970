// Dates and numbers the Thai way (Buddhist era) or the English way, through Intl only.

function locale(language: string): string {
  return language === "en" ? "en-GB" : "th-TH-u-ca-buddhist";
}

/**
 * One formatter per language and options: making one costs far more than using it, and the
 * national tables format thousands of numbers in one render.
 */
function madeOnce<Options, Format>(
  make: (locale: string, options: Options) => Format,
): (language: string, options: Options) => Format {
  const made = new Map<string, Format>();
  return (language, options) => {
    const key = `${language}|${JSON.stringify(options)}`;
    let format = made.get(key);
    if (!format) {
      format = make(locale(language), options);
      made.set(key, format);
    }
    return format;
  };
}

const numberFormats = madeOnce(
  (tag, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(tag, options),
);
const dateFormat = madeOnce(
  (tag, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options),
);

/** The reader's number format with these options, made once. */
export function numberFormat(
  language: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return numberFormats(language, options);
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
