import { useTranslation } from "react-i18next";
import { type Language, rememberLanguage } from "../i18n/i18n.ts";

/** Thai by default; English for those who need it, remembered on this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Language = i18n.language === "en" ? "th" : "en";
  return (
    <button
      type="button"
      className="button button-quiet"
      lang={other}
      onClick={() => {
        rememberLanguage(other);
        void i18n.changeLanguage(other);
      }}
    >
      {t("shell.switchLanguage")}
    </button>
  );
}
