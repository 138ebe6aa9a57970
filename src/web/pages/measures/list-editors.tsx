import { useTranslation } from "react-i18next";
import { DateField } from "./date-field.tsx";
import { type Keyed, keyed, type MonitoringRow, moveItem } from "./measure-draft.ts";

/** After a row moves, its button keeps the focus (or its neighbour, when it reached an end). */
function focusLater(...ids: string[]) {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLButtonElement && !element.disabled) {
        element.focus();
        return;
      }
    }
  });
}

/** The steps of a measure in order: type, add, remove and move each one up or down. */
export function StepsEditor({
  steps,
  onChange,
}: {
  steps: Keyed<string>[];
  onChange: (steps: Keyed<string>[]) => void;
}) {
  const { t } = useTranslation();
  const move = (from: number, to: number, key: string, direction: "up" | "down") => {
    onChange(moveItem(steps, from, to));
    focusLater(`${key}-${direction}`, `${key}-${direction === "up" ? "down" : "up"}`);
  };
  return (
    <fieldset className="field">
      <legend>{t("measures.form.steps")}</legend>
      <small>{t("measures.form.stepsHint")}</small>
      <ol className="row-list">
        {steps.map((step, i) => {
          const n = i + 1;
          return (
            <li key={step.key} className="row-item">
              <label className="field-label" htmlFor={`${step.key}-text`}>
                {t("measures.form.step", { n })}
              </label>
              <textarea
                id={`${step.key}-text`}
                rows={2}
                value={step.value}
                onChange={(event) =>
                  onChange(
                    steps.map((s) =>
                      s.key === step.key ? { ...s, value: event.target.value } : s,
                    ),
                  )
                }
              />
              <div className="row-tools">
                <button
                  id={`${step.key}-up`}
                  type="button"
                  className="button button-quiet"
                  disabled={i === 0}
                  aria-label={t("measures.form.moveStepUp", { n })}
                  onClick={() => move(i, i - 1, step.key, "up")}
                >
                  ↑ {t("measures.form.up")}
                </button>
                <button
                  id={`${step.key}-down`}
                  type="button"
                  className="button button-quiet"
                  disabled={i === steps.length - 1}
                  aria-label={t("measures.form.moveStepDown", { n })}
                  onClick={() => move(i, i + 1, step.key, "down")}
                >
                  ↓ {t("measures.form.down")}
                </button>
                <button
                  type="button"
                  className="button button-quiet button-danger"
                  disabled={steps.length === 1}
                  aria-label={t("measures.form.removeStep", { n })}
                  onClick={() => onChange(steps.filter((s) => s.key !== step.key))}
                >
                  {t("measures.form.remove")}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            const added = keyed("");
            onChange([...steps, added]);
            requestAnimationFrame(() => document.getElementById(`${added.key}-text`)?.focus());
          }}
        >
          + {t("measures.form.addStep")}
        </button>
      </div>
    </fieldset>
  );
}

/** Monitoring: on which day what is checked or reported (the official table's last column). */
export function MonitoringEditor({
  rows,
  onChange,
  fiscalYear,
}: {
  rows: Keyed<MonitoringRow>[];
  onChange: (rows: Keyed<MonitoringRow>[]) => void;
  fiscalYear: number;
}) {
  const { t } = useTranslation();
  const change = (key: string, patch: Partial<MonitoringRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, value: { ...r.value, ...patch } } : r)));
  return (
    <fieldset className="field">
      <legend>{t("measures.form.monitoring")}</legend>
      <small>{t("measures.form.monitoringHint")}</small>
      {rows.length > 0 && (
        <ol className="row-list">
          {rows.map((row, i) => {
            const n = i + 1;
            return (
              <li key={row.key} className="row-item monitoring-row">
                <DateField
                  label={t("measures.form.monitoringDate", { n })}
                  value={row.value.date}
                  fiscalYear={fiscalYear}
                  onChange={(date) => change(row.key, { date })}
                />
                <div className="field">
                  <label className="field-label" htmlFor={`${row.key}-activity`}>
                    {t("measures.form.monitoringActivity", { n })}
                  </label>
                  <input
                    id={`${row.key}-activity`}
                    value={row.value.activity}
                    onChange={(event) => change(row.key, { activity: event.target.value })}
                  />
                </div>
                <div className="row-tools">
                  <button
                    type="button"
                    className="button button-quiet button-danger"
                    aria-label={t("measures.form.removeMonitoring", { n })}
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    {t("measures.form.remove")}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => onChange([...rows, keyed({ date: "", activity: "" })])}
        >
          + {t("measures.form.addMonitoring")}
        </button>
      </div>
    </fieldset>
  );
}

/** Links to evidence on the web (http or https), e.g. the page where the work is published. */
export function LinksEditor({
  links,
  onChange,
}: {
  links: Keyed<string>[];
  onChange: (links: Keyed<string>[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field">
      <legend>{t("measures.progress.links")}</legend>
      <small>{t("measures.progress.linksHint")}</small>
      {links.length > 0 && (
        <ol className="row-list">
          {links.map((link, i) => {
            const n = i + 1;
            return (
              <li key={link.key} className="row-item link-row">
                <label className="field-label" htmlFor={`${link.key}-url`}>
                  {t("measures.progress.link", { n })}
                </label>
                <input
                  id={`${link.key}-url`}
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={link.value}
                  onChange={(event) =>
                    onChange(
                      links.map((l) =>
                        l.key === link.key ? { ...l, value: event.target.value } : l,
                      ),
                    )
                  }
                />
                <button
                  type="button"
                  className="button button-quiet button-danger"
                  aria-label={t("measures.progress.removeLink", { n })}
                  onClick={() => onChange(links.filter((l) => l.key !== link.key))}
                >
                  {t("measures.form.remove")}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button
          type="button"
          className="button"
          onClick={() => {
            const added = keyed("");
            onChange([...links, added]);
            requestAnimationFrame(() => document.getElementById(`${added.key}-url`)?.focus());
          }}
        >
          + {t("measures.progress.addLink")}
        </button>
      </div>
    </fieldset>
  );
}
