import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/client.ts";
import { keys, useMe } from "../api/queries.ts";
import { ErrorPanel, Loading } from "../components/status-panels.tsx";
import { TotpSetup } from "./account/totp-setup.tsx";

/** The signed-in person's own account: who they are and their second factor. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: (body: { password: string; code: string }) =>
      api<unknown>("/api/auth/totp/disable", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  if (me.isPending) return <Loading />;
  if (me.isError || !me.data) return <ErrorPanel error={me.error} />;
  const onDisable = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    disable.mutate({
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? "").trim(),
    });
  };
  return (
    <>
      <h1>
        {t("account.title")}
        <span className="subtitle">{me.data.email}</span>
      </h1>
      <section className="card" aria-labelledby="totp-heading">
        <h2 id="totp-heading">{t("account.totpTitle")}</h2>
        {me.data.totpEnabled ? (
          <form className="form" onSubmit={onDisable}>
            <p role="status" className="panel panel-ok">
              {t("account.totpOn")}
            </p>
            <label className="field">
              <span>{t("signIn.password")}</span>
              <input name="password" type="password" autoComplete="current-password" required />
            </label>
            <label className="field">
              <span>{t("account.totpCode")}</span>
              <input name="code" inputMode="numeric" maxLength={6} required />
            </label>
            {disable.isError && <ErrorPanel error={disable.error} />}
            <button type="submit" className="button">
              {t("account.totpDisable")}
            </button>
          </form>
        ) : (
          <TotpSetup />
        )}
      </section>
    </>
  );
}
