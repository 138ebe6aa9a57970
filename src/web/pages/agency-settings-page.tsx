import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { agencyTypes } from "../../domain/agency-year/agency-types.ts";
import type { AgencyResponse, AgencyUpdate } from "../../shared/agency.ts";
import { api } from "../api/client.ts";
import { keys } from "../api/queries.ts";
import { ErrorPanel, Loading } from "../components/status-panels.tsx";
import { DivisionsEditor } from "./settings/divisions-editor.tsx";

/** The agency's own details: divisions, website and head, as printed on its documents. */
export function AgencySettingsPage() {
  const { t } = useTranslation();
  const { agencyId = "" } = useParams();
  const queryClient = useQueryClient();
  const agency = useQuery({
    queryKey: keys.agency(agencyId),
    queryFn: () => api<AgencyResponse>(`/api/agencies/${agencyId}`),
  });
  const [divisions, setDivisions] = useState<string[] | undefined>(undefined);
  const save = useMutation({
    mutationFn: (body: AgencyUpdate) =>
      api<AgencyResponse>(`/api/agencies/${agencyId}`, { method: "PATCH", body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.agency(agencyId), saved);
      void queryClient.invalidateQueries({ queryKey: keys.dashboard(agencyId) });
      void queryClient.invalidateQueries({ queryKey: keys.agencies });
      setDivisions(undefined);
    },
  });
  if (agency.isPending) return <Loading />;
  if (agency.isError)
    return <ErrorPanel error={agency.error} onRetry={() => void agency.refetch()} />;
  const current = agency.data;
  const shownDivisions = divisions ?? current.divisions;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    save.mutate({
      type: text("type") as AgencyUpdate["type"] & string,
      website: text("website"),
      headPosition: text("headPosition"),
      headName: text("headName") || null,
      nameEn: text("nameEn") || null,
      divisions: shownDivisions.map((d) => d.trim()).filter(Boolean),
    });
  };
  return (
    <>
      <h1>
        {t("settings.title")}
        <span className="subtitle">{current.name}</span>
      </h1>
      <form className="form" onSubmit={onSubmit} key={JSON.stringify(current)}>
        <label className="field">
          <span>{t("settings.nameEn")}</span>
          <input name="nameEn" defaultValue={current.nameEn ?? ""} lang="en" />
        </label>
        <label className="field">
          <span>{t("settings.type")}</span>
          <select name="type" defaultValue={current.type}>
            {agencyTypes.map((type) => (
              <option key={type}>{type}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t("settings.website")}</span>
          <input name="website" type="url" defaultValue={current.website} required />
          <small>{t("settings.websiteHint")}</small>
        </label>
        <label className="field">
          <span>{t("settings.headPosition")}</span>
          <input name="headPosition" defaultValue={current.headPosition} required />
        </label>
        <label className="field">
          <span>{t("settings.headName")}</span>
          <input name="headName" defaultValue={current.headName ?? ""} />
        </label>
        <DivisionsEditor divisions={shownDivisions} onChange={setDivisions} />
        {save.isError && <ErrorPanel error={save.error} />}
        {save.isSuccess && (
          <p role="status" className="panel panel-ok">
            {t("settings.saved")}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </button>
      </form>
    </>
  );
}
