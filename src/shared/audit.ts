import { z } from "zod";

// An agency's audit trail, newest first, and whether its hash chain is intact.

export const auditQuery = z.object({
  /**
   * Only entries about that fiscal year's assessment: the assessment and its result, and every
   * entry naming it (documents, progress reports, measures), with the files of those measures.
   */
  fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Cursor: only entries with a lower sequence number (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  actor: z.object({
    /** A user id, or a name for work done outside a session (e.g. "demo", "import"). */
    id: z.string(),
    /** When the actor is a user who still exists. */
    displayName: z.string().nullable(),
    email: z.string().nullable(),
  }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

export const auditPage = z.object({
  entries: z.array(auditEntry),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});

export const auditVerification = z.object({
  intact: z.boolean(),
  /** Entries in this agency's chain. */
  entries: z.number().int(),
  /** The first entry that can no longer be trusted; null when intact. */
  firstBrokenSeq: z.number().int().nullable(),
  problems: z.array(
    z.object({
      seq: z.number().int(),
      kind: z.enum(["edited", "missing", "head"]),
      th: z.string(),
      en: z.string(),
    }),
  ),
});

export type AuditQuery = z.output<typeof auditQuery>;
export type AuditEntry = z.output<typeof auditEntry>;
export type AuditPage = z.output<typeof auditPage>;
export type AuditVerification = z.output<typeof auditVerification>;
