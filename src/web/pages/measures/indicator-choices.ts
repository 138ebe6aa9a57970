// Indicators offered on the measure form. The API does not serve a framework's indicator list
// yet, so they are offered by number; the server checks each one against the framework of the
// result the measures answer, and names any that framework lacks.

/** The indicator numbers to offer, with any the measure already names that lie outside them. */
export function indicatorChoices(existing: readonly number[] = []): number[] {
  const offered = Array.from({ length: 10 }, (_, i) => i + 1);
  return [...new Set([...offered, ...existing])].sort((a, b) => a - b);
}
