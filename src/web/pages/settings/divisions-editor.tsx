import { useState } from "react";
import { useTranslation } from "react-i18next";

/** The agency's divisions (กอง/สำนัก): measures are assigned to them. */
export function DivisionsEditor({
  divisions,
  onChange,
}: {
  divisions: string[];
  onChange: (divisions: string[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState("");
  const add = () => {
    const name = draft.trim();
    if (!name || divisions.includes(name)) return;
    onChange([...divisions, name]);
    setDraft("");
  };
  return (
    <fieldset className="field">
      <legend>{t("settings.divisions")}</legend>
      <ul className="chips">
        {divisions.map((division) => (
          <li key={division}>
            {division}
            <button
              type="button"
              className="button button-quiet"
              aria-label={t("settings.removeDivision", { name: division })}
              onClick={() => onChange(divisions.filter((d) => d !== division))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="inline">
        <label>
          <span className="visually-hidden">{t("settings.newDivision")}</span>
          <input
            value={draft}
            placeholder={t("settings.newDivisionPlaceholder")}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" className="button" onClick={add}>
          {t("settings.addDivision")}
        </button>
      </div>
    </fieldset>
  );
}
