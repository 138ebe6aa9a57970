import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toDataURL } from "qrcode";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TotpSetupResponse } from "../../../shared/auth.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel } from "../../components/status-panels.tsx";

/** Turn on the second factor: scan the QR code, then prove it with one code. */
export function TotpSetup() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [qr, setQr] = useState("");
  const setUp = useMutation({
    mutationFn: () => api<TotpSetupResponse>("/api/auth/totp/setup", { method: "POST" }),
  });
  const enable = useMutation({
    mutationFn: (code: string) =>
      api<unknown>("/api/auth/totp/enable", { method: "POST", body: { code } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  const uri = setUp.data?.uri;
  useEffect(() => {
    if (uri) void toDataURL(uri, { margin: 1, width: 200 }).then(setQr);
  }, [uri]);
  if (!setUp.data)
    return (
      <>
        <p>{t("account.totpOff")}</p>
        {setUp.isError && <ErrorPanel error={setUp.error} />}
        <button type="button" className="button button-primary" onClick={() => setUp.mutate()}>
          {t("account.totpStart")}
        </button>
      </>
    );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    enable.mutate(String(new FormData(event.currentTarget).get("code") ?? "").trim());
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p>{t("account.totpScan")}</p>
      {qr && <img className="qr" src={qr} alt={t("account.totpQr")} width={200} height={200} />}
      <p>
        {t("account.totpSecret")} <code data-testid="totp-secret">{setUp.data.secret}</code>
      </p>
      <label className="field">
        <span>{t("account.totpCode")}</span>
        <input
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
        />
      </label>
      {enable.isError && <ErrorPanel error={enable.error} />}
      <button type="submit" className="button button-primary" disabled={enable.isPending}>
        {t("account.totpEnable")}
      </button>
    </form>
  );
}
