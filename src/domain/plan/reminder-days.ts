// Day arithmetic for reminders on Gregorian YYYY-MM-DD strings, free of time zones.

/** Thailand's time zone: the day a reminder belongs to is the day in Thailand. */
export const THAI_TIME_ZONE = "Asia/Bangkok";

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + days));
  return shifted.toISOString().slice(0, 10);
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayIn(timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(instant);
}

/** A measure is overdue once its due day has passed; on the day itself it is still due soon. */
export function reminderKind(dueDate: string, today: string): "due_soon" | "overdue" {
  return dueDate < today ? "overdue" : "due_soon";
}
