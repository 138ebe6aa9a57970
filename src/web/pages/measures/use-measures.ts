import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MeasureResponse, MeasureStatus } from "../../../shared/measure.ts";
import type { MeasureFileResponse } from "../../../shared/measure-file.ts";
import { api } from "../../api/client.ts";
import { keys, useMe } from "../../api/queries.ts";
import { uploadForm } from "../../api/upload.ts";
import type { MeasureFieldsBody } from "./measure-draft.ts";

/** The measures and the files of one assessment, as the API addresses them. */
export function measuresPath(agencyId: string, assessmentId: string): string {
  return `/api/agencies/${agencyId}/assessments/${assessmentId}/measures`;
}

export function useMeasures(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.measures(agencyId, assessmentId ?? ""),
    queryFn: () => api<MeasureResponse[]>(measuresPath(agencyId, assessmentId ?? "")),
    enabled: Boolean(assessmentId),
  });
}

export interface ProgressFields {
  status: MeasureStatus;
  progress: number;
  evidenceLinks: string[];
}

/** Adding, changing and removing measures; each refreshes the list and the dashboard's summary. */
export function useMeasureMutations(agencyId: string, assessmentId: string) {
  const queryClient = useQueryClient();
  const base = measuresPath(agencyId, assessmentId);
  const listKey = keys.measures(agencyId, assessmentId);
  const refreshSummary = () =>
    queryClient.invalidateQueries({ queryKey: keys.dashboard(agencyId), exact: true });
  const create = useMutation({
    mutationFn: (body: MeasureFieldsBody) => api<MeasureResponse>(base, { method: "POST", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: listKey, exact: true });
      void refreshSummary();
    },
  });
  const update = useMutation({
    mutationFn: ({
      measureId,
      changes,
    }: {
      measureId: string;
      changes: (Partial<MeasureFieldsBody> | ProgressFields) & { version: number };
    }) => api<MeasureResponse>(`${base}/${measureId}`, { method: "PATCH", body: changes }),
    onSuccess: (saved) => {
      queryClient.setQueryData<MeasureResponse[]>(listKey, (list) =>
        list?.map((m) => (m.id === saved.id ? saved : m)),
      );
      void refreshSummary();
    },
  });
  const remove = useMutation({
    mutationFn: (measureId: string) => api<null>(`${base}/${measureId}`, { method: "DELETE" }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: listKey, exact: true });
      void refreshSummary();
    },
  });
  /** After a 409: the list as it is now, so the form can start again from the latest version. */
  const reload = () =>
    queryClient.fetchQuery({
      queryKey: listKey,
      queryFn: () => api<MeasureResponse[]>(base),
      staleTime: 0,
    });
  return { create, update, remove, reload };
}

export function useMeasureFiles(agencyId: string, assessmentId: string, measureId: string) {
  return useQuery({
    queryKey: keys.measureFiles(agencyId, measureId),
    queryFn: () =>
      api<MeasureFileResponse[]>(`${measuresPath(agencyId, assessmentId)}/${measureId}/files`),
  });
}

/** Uploading (with progress) and removing evidence files of one measure. */
export function useMeasureFileMutations(agencyId: string, assessmentId: string, measureId: string) {
  const queryClient = useQueryClient();
  const base = `${measuresPath(agencyId, assessmentId)}/${measureId}/files`;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: keys.measureFiles(agencyId, measureId) });
  const upload = useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) => {
      const form = new FormData();
      // The field name the API reads (FILE_FIELD in the shared contract).
      form.append("file", file, file.name);
      return uploadForm<MeasureFileResponse>(base, form, onProgress);
    },
    onSuccess: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => api<null>(`${base}/${fileId}`, { method: "DELETE" }),
    onSuccess: () => void refresh(),
  });
  return { upload, remove, downloadPath: (fileId: string) => `${base}/${fileId}` };
}

/** What the signed-in person may do with this agency's measures (the server decides; this hides dead ends). */
export function useMeasurePermissions(agencyId: string) {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const manages = memberships.some(
    (m) => m.role === "national_admin" || (m.agencyId === agencyId && m.role === "agency_admin"),
  );
  const division = memberships.find(
    (m) => m.agencyId === agencyId && m.role === "division_officer",
  )?.division;
  return {
    /** Coordinators: add, change and remove any measure, and write the progress reports. */
    manages,
    /** A division officer's own division, whose measures they look after. */
    division,
    canAdd: manages || division !== undefined,
    canEdit: (measure: { responsible: string[] }) =>
      manages || (division !== undefined && measure.responsible.includes(division)),
  };
}
