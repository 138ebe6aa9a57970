import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAgencies } from "../api/queries.ts";

/** For people who work for several agencies: jump to another one's year. */
export function AgencySwitch({ agencyId }: { agencyId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const agencies = useAgencies();
  if (!agencies.data || agencies.data.length < 2) return null;
  return (
    <label className="agency-switch">
      <span>{t("shell.agency")}</span>
      <select
        value={agencyId ?? ""}
        onChange={(event) => navigate(`/agencies/${event.target.value}`)}
      >
        {!agencyId && <option value="">{t("shell.chooseAgency")}</option>}
        {agencies.data.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.name} ({agency.province})
          </option>
        ))}
      </select>
    </label>
  );
}
