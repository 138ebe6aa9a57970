import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="panel panel-empty">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.hint")}</p>
      <Link to="/">{t("notFound.home")}</Link>
    </main>
  );
}
