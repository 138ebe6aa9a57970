import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentGenerate, DocumentVersion } from "../../../shared/document.ts";
import { ApiError } from "../../api/api-error.ts";
import { api } from "../../api/client.ts";
import { keys } from "../../api/queries.ts";
import { ErrorPanel, Loading } from "../../components/status-panels.tsx";
import { documentsPath } from "./document-data.ts";
import { IncompletePanel } from "./incomplete-panel.tsx";

type Digits = DocumentGenerate["digits"];

/** Generates the next version from the data as it is now; rendering takes a few seconds. */
export function GenerateForm({
  agencyId,
  assessmentId,
  base,
  onGenerated,
}: {
  agencyId: string;
  assessmentId: string;
  /** The year's pages, for the links that fix missing data. */
  base: string;
  onGenerated: (version: DocumentVersion) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [digits, setDigits] = useState<Digits>("thai");
  const generate = useMutation({
    mutationFn: () =>
      api<DocumentVersion>(documentsPath(agencyId, assessmentId), {
        method: "POST",
        body: { kind: "measures", digits },
      }),
    onSuccess: (version) => {
      void queryClient.invalidateQueries({ queryKey: keys.documents(agencyId, assessmentId) });
      void queryClient.invalidateQueries({ queryKey: keys.audit(agencyId) });
      onGenerated(version);
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    generate.mutate();
  };
  const error = generate.error;
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset className="field" disabled={generate.isPending}>
        <legend>{t("documents.generate.digits")}</legend>
        {(["thai", "arabic"] as const).map((style) => (
          <label key={style} className="choice">
            <input
              type="radio"
              name="digits"
              value={style}
              checked={digits === style}
              onChange={() => setDigits(style)}
            />
            {t(`documents.generate.${style}`)}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" className="button button-primary" disabled={generate.isPending}>
          {t("documents.generate.submit")}
        </button>
      </div>
      {generate.isPending && <Loading label={t("documents.generate.working")} />}
      {error instanceof ApiError && error.code === "DATA_INCOMPLETE" ? (
        <IncompletePanel error={error} base={base} settings={`/agencies/${agencyId}/settings`} />
      ) : (
        error && <ErrorPanel error={error} />
      )}
      {generate.isSuccess && (
        <p role="status" className="panel panel-ok">
          {t("documents.generate.done", { version: generate.data.version })}
        </p>
      )}
    </form>
  );
}
