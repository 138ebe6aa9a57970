// Thai text as PDF extraction leaves it: fonts position tone marks and upper vowels as separate
// glyphs that often lose their character (NUL or private-use) and split SARA AM in two. Matching
// and year detection compare the consonant skeleton, which survives all of that.

const NUL = String.fromCharCode(0);
const THAI_ZERO = "๐".charCodeAt(0);

/** Thai digits ๐–๙ as ASCII 0–9, everything else unchanged. */
export function arabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

/** Lower case, Arabic digits, no upper/lower vowels or tone marks, SARA AM as SARA AA. */
export function thaiSkeleton(text: string): string {
  return arabicDigits(text.normalize("NFC").toLowerCase())
    .replaceAll(NUL, "")
    .replace(/[\ue000-\uf8ff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/gu, "")
    .replace(/\u0e33/gu, "\u0e32");
}
