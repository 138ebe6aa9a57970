// The terms every open-data file is published under and how the catalogue names its publisher.
// They hold for every year; what varies by year comes from the results and the frameworks.

/** Creative Commons Attribution 4.0: anyone may reuse the figures, naming the source. */
export const OPEN_DATA_LICENSE = {
  url: "https://creativecommons.org/licenses/by/4.0/",
  th: "ครีเอทีฟคอมมอนส์ แบบแสดงที่มา 4.0 (CC BY 4.0)",
  en: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
} as const;

export const OPEN_DATA_PUBLISHER = {
  th: "ระบบโปร่งใส (Prongsai)",
  en: "Prongsai",
} as const;

/**
 * CKAN turns keywords into tags, whose names allow only letters, digits, spaces, "-", "_" and
 * ".": Thai vowel and tone marks are none of these, so the keywords are in English.
 */
export const OPEN_DATA_KEYWORDS = [
  "ITA",
  "integrity",
  "transparency",
  "public sector",
  "Thailand",
] as const;
