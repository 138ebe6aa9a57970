// Thai has no spaces between words, so category labels are wrapped at dictionary word
// boundaries (ICU) rather than by the chart library, which could split a vowel mark from its letter.

const segmenter = new Intl.Segmenter("th", { granularity: "word" });
const COMBINING_MARK = /\p{M}/gu;

/** Width of a text in columns: combining marks (Thai vowels and tone marks) take none. */
export function textColumns(text: string): number {
  return [...text.replace(COMBINING_MARK, "")].length;
}

/** Splits a label into lines of at most `maxColumns` columns, breaking only between words. */
export function wrapLabel(label: string, maxColumns: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const { segment } of segmenter.segment(label)) {
    const candidate = line + segment;
    if (line.trim() !== "" && textColumns(candidate.trimEnd()) > maxColumns) {
      lines.push(line.trimEnd());
      line = segment.trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}
