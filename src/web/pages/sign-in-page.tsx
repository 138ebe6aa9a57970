import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { LoginRequest } from "../../shared/auth.ts";
import { ApiError } from "../api/api-error.ts";
import { api } from "../api/client.ts";
import { LanguageSwitch } from "../components/language-switch.tsx";
import { ErrorPanel } from "../components/status-panels.tsx";

/** E-mail and password, then the authenticator code when the account has turned it on. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [needsCode, setNeedsCode] = useState(false);
  const signIn = useMutation({
    mutationFn: (body: LoginRequest) => api<unknown>("/api/auth/login", { method: "POST", body }),
    onSuccess: () => {
      // Whatever was cached belonged to nobody (or someone else): start afresh.
      queryClient.removeQueries();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== "/signin" ? from : "/", { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "TOTP_REQUIRED") setNeedsCode(true);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const totp = String(form.get("totp") ?? "").trim();
    signIn.mutate({
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
      ...(totp ? { totp } : {}),
    });
  };
  const codeAsked = signIn.error instanceof ApiError && signIn.error.code === "TOTP_REQUIRED";
  return (
    <main id="main" className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>{t("signIn.title")}</h1>
          <LanguageSwitch />
        </div>
        <p>{t("signIn.intro")}</p>
        <form onSubmit={onSubmit} noValidate={false}>
          <label className="field">
            <span>{t("signIn.email")}</span>
            <input name="email" type="email" autoComplete="username" required />
          </label>
          <label className="field">
            <span>{t("signIn.password")}</span>
            <input name="password" type="password" autoComplete="current-password" required />
          </label>
          {needsCode && (
            <label className="field">
              <span>{t("signIn.totp")}</span>
              <input
                name="totp"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                // biome-ignore lint/a11y/noAutofocus: the code field appears only after the password was accepted
                autoFocus
              />
              <small>{t("signIn.totpHint")}</small>
            </label>
          )}
          {signIn.isError && !codeAsked && <ErrorPanel error={signIn.error} />}
          {codeAsked && <p role="status">{t("signIn.totpAsked")}</p>}
          <button type="submit" className="button button-primary" disabled={signIn.isPending}>
            {signIn.isPending ? t("signIn.signingIn") : t("signIn.submit")}
          </button>
        </form>
      </div>
    </main>
  );
}
