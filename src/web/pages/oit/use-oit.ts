import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  OitAnswersBody,
  OitChecklistResponse,
  OitClarificationsBody,
  OitVerdictsBody,
} from "../../../shared/oit.ts";
import { api } from "../../api/client.ts";
import { keys, useMe } from "../../api/queries.ts";

export const oitPath = (agencyId: string, assessmentId: string) =>
  `/api/agencies/${agencyId}/assessments/${assessmentId}/oit`;

export function useOit(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.oit(agencyId, assessmentId ?? ""),
    queryFn: () => api<OitChecklistResponse>(oitPath(agencyId, assessmentId ?? "")),
    enabled: Boolean(assessmentId),
  });
}

type Write =
  | { kind: "answers"; body: OitAnswersBody }
  | { kind: "verdicts"; body: OitVerdictsBody }
  | { kind: "clarifications"; body: OitClarificationsBody }
  | { kind: "submit" }
  | { kind: "confirm" };

/** One mutation for every OIT write; each answers with the whole checklist, put straight in the cache. */
export function useOitWrite(agencyId: string, assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: Write) => {
      const base = oitPath(agencyId, assessmentId);
      return write.kind === "submit" || write.kind === "confirm"
        ? api<OitChecklistResponse>(`${base}/${write.kind}`, { method: "POST", body: {} })
        : api<OitChecklistResponse>(`${base}/${write.kind}`, { method: "PUT", body: write.body });
    },
    onSuccess: (checklist, write) => {
      client.setQueryData(keys.oit(agencyId, assessmentId), checklist);
      // A confirmation writes the year's result.
      if (write.kind === "confirm")
        void client.invalidateQueries({ queryKey: keys.results(agencyId) });
    },
  });
}

/** What the signed-in person may do with this agency's OIT (the server decides again). */
export function useOitRoles(agencyId: string) {
  const me = useMe();
  const memberships = me.data?.memberships ?? [];
  const national = memberships.some((m) => m.role === "national_admin");
  const has = (role: string) =>
    national || memberships.some((m) => m.agencyId === agencyId && m.role === role);
  return { answer: has("agency_admin"), review: has("evaluator"), ready: !me.isPending };
}
