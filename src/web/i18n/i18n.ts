import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { resources } from "./resources.ts";

export const languages = ["th", "en"] as const;
export type Language = (typeof languages)[number];

const storageKey = "prongsai.language";

/** Thai unless the user chose English on this browser before. */
export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(storageKey);
  return saved === "en" ? "en" : "th";
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(storageKey, language);
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: "th",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
