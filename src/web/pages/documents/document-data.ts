import { useQuery } from "@tanstack/react-query";
import type {
  DocumentDetail,
  DocumentFileFormat,
  DocumentVersion,
} from "../../../shared/document.ts";
import type { MemberResponse } from "../../../shared/members.ts";
import { api } from "../../api/client.ts";
import { keys, type Me } from "../../api/queries.ts";
import { numberFormat } from "../../format.ts";

/** Where an assessment's document versions live in the API. */
export function documentsPath(agencyId: string, assessmentId: string): string {
  return `/api/agencies/${agencyId}/assessments/${assessmentId}/documents`;
}

/** A version's file: saved under the server's file name, or shown in place for the preview. */
export function fileUrl(
  base: string,
  documentId: string,
  format: DocumentFileFormat,
  inline = false,
): string {
  return `${base}/${documentId}/${format}${inline ? "?disposition=inline" : ""}`;
}

export function useDocuments(agencyId: string, assessmentId: string | undefined) {
  return useQuery({
    queryKey: keys.documents(agencyId, assessmentId ?? ""),
    queryFn: () => api<DocumentVersion[]>(documentsPath(agencyId, assessmentId ?? "")),
    enabled: Boolean(assessmentId),
  });
}

/** A version with the data it was built from; a version never changes once stored. */
export function useDocumentDetail(agencyId: string, assessmentId: string, documentId?: string) {
  return useQuery({
    queryKey: keys.document(agencyId, assessmentId, documentId ?? ""),
    queryFn: () =>
      api<DocumentDetail>(`${documentsPath(agencyId, assessmentId)}/${documentId ?? ""}`),
    enabled: Boolean(documentId),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Names of the agency's people by user id; roles that may not list members get an empty map. */
export function useMemberNames(agencyId: string): Map<string, string> {
  const members = useQuery({
    queryKey: keys.members(agencyId),
    queryFn: () => api<MemberResponse[]>(`/api/agencies/${agencyId}/members`),
    retry: false,
  });
  return new Map((members.data ?? []).map((m) => [m.id, m.displayName]));
}

/** Who may generate and record approval; only a hint for the page, the server decides. */
export function canManageDocuments(me: Me | null | undefined, agencyId: string): boolean {
  return (me?.memberships ?? []).some(
    (m) => m.role === "national_admin" || (m.agencyId === agencyId && m.role === "agency_admin"),
  );
}

/** The approval day printed in a version, read from the data it was built from. */
export function approvalDayOf(detail: DocumentDetail | undefined): string | undefined {
  const approval = detail?.input.approval;
  if (!approval || typeof approval !== "object") return undefined;
  const date = (approval as { date?: unknown }).date;
  return typeof date === "string" ? date : undefined;
}

/** The head of agency as the document names them: position, with the name when known. */
export function headOf(agency: { headPosition: string; headName: string | null }): string {
  return agency.headName ? `${agency.headPosition} (${agency.headName})` : agency.headPosition;
}

/** A file size in kB or MB, in the reader's language. */
export function formatFileSize(bytes: number, language: string): string {
  const mega = bytes >= 1_000_000;
  return numberFormat(language, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : Math.max(1, bytes / 1000));
}
