import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useAgencies, useMe } from "../api/queries.ts";

/**
 * For people who work for several agencies: jump to another one's year. National administrators
 * see every agency of the country, too many for a list: they find one on the national page.
 */
export function AgencySwitch({ agencyId }: { agencyId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const national = me.data?.memberships.some((m) => m.role === "national_admin") ?? true;
  const agencies = useAgencies({ enabled: !national });
  const id = useId();
  if (national || !agencies.data || agencies.data.length < 2) return null;
  return (
    <div className="agency-switch">
      <label htmlFor={id}>{t("shell.agency")}</label>
      <select
        id={id}
        value={agencyId ?? ""}
        onChange={(event) => navigate(`/agencies/${event.target.value}`)}
      >
        {!agencyId && <option value="">{t("shell.chooseAgency")}</option>}
        {agencies.data.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {`${agency.name} (${agency.province})`}
          </option>
        ))}
      </select>
    </div>
  );
}
