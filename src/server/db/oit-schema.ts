import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { OitWindowId } from "../../domain/oit/oit-windows.ts";
import { assessments } from "./schema.ts";

// OIT tables: the agency's checklist, the evaluators' verdicts and the website checker's findings.

export type OitWindowDays = Partial<Record<OitWindowId, { start: string; end: string }>>;

/**
 * The state of an assessment's OIT: when the agency submitted it and when the evaluator
 * confirmed the verdicts; and, when set, its own days for the OIT windows (ADR 0014).
 */
export const oitChecklists = pgTable(
  "oit_checklists",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    windows: jsonb("windows").$type<OitWindowDays>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedBy: text("confirmed_by"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

/** The agency's answer to one OIT item, and its clarification when the item failed. */
export const oitAnswers = pgTable(
  "oit_answers",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    /** As the framework spells it, e.g. O12. */
    itemId: text("item_id").notNull(),
    /** Has / has not; null while undecided (a draft). */
    has: boolean("has"),
    urls: jsonb("urls").$type<string[]>().notNull().default([]),
    explanation: text("explanation").notNull().default(""),
    clarification: text("clarification"),
    clarificationUrls: jsonb("clarification_urls").$type<string[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId, t.itemId] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

export const oitVerdictValues = ["pass", "fail"] as const;

/** An evaluator's verdict on one OIT item with the comment the agency reads. */
export const oitVerdicts = pgTable(
  "oit_verdicts",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    itemId: text("item_id").notNull(),
    verdict: text("verdict", { enum: oitVerdictValues }).notNull(),
    comment: text("comment").notNull().default(""),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId, t.itemId] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

export const oitCheckStatuses = ["pass", "outdated", "broken", "orphan", "missing"] as const;

/** The website checker's latest finding on one item of an assessment. */
export const oitChecks = pgTable(
  "oit_checks",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    itemId: text("item_id").notNull(),
    status: text("status", { enum: oitCheckStatuses }).notNull(),
    url: text("url"),
    reason: text("reason").notNull(),
    reasonEn: text("reason_en").notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
    /** SHA-256 of the content the finding was read from; null when nothing was fetched. */
    sha256: text("sha256"),
    runId: uuid("run_id"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId, t.itemId] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

export const oitCheckRunStatuses = ["queued", "running", "done", "failed"] as const;

/** One run of the website checker over an assessment, with its progress for the page. */
export const oitCheckRuns = pgTable(
  "oit_check_runs",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    status: text("status", { enum: oitCheckRunStatuses }).notNull().default("queued"),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
    index("oit_check_runs_assessment").on(t.agencyId, t.assessmentId, t.createdAt),
    index("oit_check_runs_status").on(t.status),
  ],
);

/**
 * What a check run read, kept as evidence of the finding: each address with its final address,
 * status, type, the SHA-256 of the bytes fetched and the text read from them.
 */
export const oitCheckArchive = pgTable(
  "oit_check_archive",
  {
    agencyId: uuid("agency_id").notNull(),
    runId: uuid("run_id").notNull(),
    position: integer("position").notNull(),
    url: text("url").notNull(),
    finalUrl: text("final_url").notNull(),
    httpStatus: integer("http_status"),
    contentType: text("content_type"),
    sha256: text("sha256"),
    text: text("text").notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull(),
    error: text("error"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.runId, t.position] }),
    foreignKey({
      columns: [t.agencyId, t.runId],
      foreignColumns: [oitCheckRuns.agencyId, oitCheckRuns.id],
    }).onDelete("cascade"),
  ],
);
