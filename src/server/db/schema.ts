import {
  bigint,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { roles } from "../auth/authorize.ts";

// Tables of the server. Every tenant-owned table carries `agency_id` and leads its keys with it,
// so it can later be distributed by agency (Citus) without a rewrite.

export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  nameEn: text("name_en"),
  type: text("type").notNull(),
  province: text("province").notNull(),
  district: text("district").notNull(),
  website: text("website").notNull(),
  headName: text("head_name"),
  headPosition: text("head_position").notNull(),
  divisions: jsonb("divisions").$type<string[]>().notNull(),
  /**
   * Bumped by triggers whenever what the agency's measures are checked against may change: its
   * divisions, any of its assessments or results (migration 0013). A write checked against an
   * older value is not made.
   */
  scopeVersion: bigint("scope_version", { mode: "number" }).notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The scope of national actions (not about one agency) in the audit log: the nil UUID. */
export const NATIONAL_SCOPE = "00000000-0000-0000-0000-000000000000";

/**
 * Append-only audit log: one hash chain per agency (and one national). Each entry's hash covers
 * the previous entry's hash and the entry itself, so an edited or removed entry breaks the chain.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    agencyId: uuid("agency_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.seq] })],
);

/** The last entry of each chain, updated with every append, so a removed tail is noticed too. */
export const auditHeads = pgTable("audit_heads", {
  agencyId: uuid("agency_id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

/** People who sign in; national, not owned by one agency (one person may serve several). */
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** The TOTP secret; a second factor only once confirmed (`totpEnabledAt` set). */
  totpSecret: text("totp_secret"),
  totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
  /** The last accepted TOTP time step, so a code is never accepted twice. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A user's role in one agency (national administrators hold it in the national scope). */
export const memberships = pgTable(
  "memberships",
  {
    agencyId: uuid("agency_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: roles }).notNull(),
    /** For division officers: the division whose measures they own. */
    division: text("division"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.userId, t.role] }),
    // Every request resolves its user's memberships.
    index("memberships_user").on(t.userId),
  ],
);

/** Signed-in sessions; only a hash of the cookie's token is stored, so a leaked table opens nothing. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  // A password reset ends every session of its user.
  (t) => [index("sessions_user").on(t.userId)],
);

/** Raw bytes; Drizzle has no built-in bytea column. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * File contents (uploaded evidence, generated documents), content-addressed per agency. Kept in
 * the database so one transaction commits a file with the row that names it, and one backup holds
 * everything (ADR 0008).
 */
export const blobs = pgTable(
  "blobs",
  {
    agencyId: uuid("agency_id").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.sha256] })],
);

/** One agency's assessment of one fiscal year under one framework; phases come from the framework's windows. */
export const assessments = pgTable(
  "assessments",
  {
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    fiscalYear: integer("fiscal_year").notNull(),
    frameworkId: text("framework_id").notNull(),
    /** The agency's own analysis thresholds for this year's measures; the framework's when null. */
    thresholds: jsonb("thresholds").$type<{
      strength?: number | undefined;
      weakness?: number | undefined;
      urgent?: number | undefined;
    }>(),
    /** The day the head approved this year's measures, printed on the document. */
    approvedOn: date("approved_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    unique("assessments_agency_year").on(t.agencyId, t.fiscalYear),
  ],
);

export const resultSources = ["entered", "imported", "computed"] as const;

/**
 * The result of an assessment: indicator scores as entered, imported or computed, the official
 * figures beside what Prongsai recomputes from them, and the difference when they disagree.
 */
export const results = pgTable(
  "results",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    source: text("source", { enum: resultSources }).notNull(),
    indicators: jsonb("indicators").$type<Record<string, number>>().notNull(),
    oit: jsonb("oit").$type<Record<string, "pass" | "fail">>(),
    officialOverall: doublePrecision("official_overall"),
    officialLevel: text("official_level"),
    computedOverall: doublePrecision("computed_overall").notNull(),
    computedLevel: text("computed_level").notNull(),
    /** Official minus recomputed overall, when both exist and differ by more than rounding. */
    discrepancy: doublePrecision("discrepancy"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

export const measureStatuses = ["planned", "in_progress", "done", "cancelled"] as const;

/** An improvement measure of the assessment's fiscal year, owned by one or more divisions. */
export const measures = pgTable(
  "measures",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    steps: jsonb("steps").$type<string[]>().notNull(),
    /** Divisions responsible; division officers may change only measures naming their division. */
    responsible: jsonb("responsible").$type<string[]>().notNull(),
    indicators: jsonb("indicators").$type<number[]>().notNull(),
    oitItems: jsonb("oit_items").$type<string[]>().notNull(),
    monitoring: jsonb("monitoring").$type<{ date: string; activity: string }[]>().notNull(),
    startDate: date("start_date", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status", { enum: measureStatuses }).notNull().default("planned"),
    progress: integer("progress").notNull().default(0),
    evidenceLinks: jsonb("evidence_links").$type<string[]>().notNull().default([]),
    /** Bumped on every change; a client sends the version it read to avoid lost updates. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
    index("measures_assessment").on(t.agencyId, t.assessmentId, t.position),
    index("measures_due").on(t.dueDate),
  ],
);

/** An uploaded evidence file of a measure; the bytes are a blob named by their SHA-256. */
export const measureFiles = pgTable(
  "measure_files",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    measureId: uuid("measure_id").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.measureId],
      foreignColumns: [measures.agencyId, measures.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.agencyId, t.sha256],
      foreignColumns: [blobs.agencyId, blobs.sha256],
    }),
  ],
);

export const progressKinds = ["six_month", "year_end"] as const;

/** The six-month and year-end progress reports on the measures (the OIT evidence of follow-up). */
export const progressReports = pgTable(
  "progress_reports",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    kind: text("kind", { enum: progressKinds }).notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    summary: text("summary").notNull(),
    entries: jsonb("entries")
      .$type<{ measureId: string; status: string; progress: number; note: string }[]>()
      .notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
    unique("progress_reports_kind").on(t.agencyId, t.assessmentId, t.kind),
  ],
);

/** Each generated version of a document, with the data it was built from and its files. */
export const documents = pgTable(
  "documents",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    kind: text("kind").notNull(),
    version: integer("version").notNull(),
    /** The exact input the document was built from, so any version can be explained or rebuilt. */
    input: jsonb("input").notNull(),
    /** How it was rendered (e.g. Thai or Arabic digits): with the input, enough to rebuild it. */
    options: jsonb("options").$type<Record<string, string>>().notNull().default({}),
    /** Format (html, docx, pdf) → the SHA-256 of its blob and its size. */
    files: jsonb("files").$type<Record<string, { sha256: string; size: number }>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by").notNull(),
    /** When the head of agency approved this version; the public page shows only approved ones. */
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: text("approved_by"),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
    unique("documents_version").on(t.agencyId, t.assessmentId, t.kind, t.version),
  ],
);

export const noticeKinds = ["due_soon", "overdue"] as const;

/** In-app reminders about measures; the unique day key keeps it to one per measure per day. */
export const notices = pgTable(
  "notices",
  {
    agencyId: uuid("agency_id").notNull(),
    measureId: uuid("measure_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind", { enum: noticeKinds }).notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    /** When the reminder email went out; null while it is still to be sent. */
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.measureId, t.day] }),
    foreignKey({
      columns: [t.agencyId, t.measureId],
      foreignColumns: [measures.agencyId, measures.id],
    }).onDelete("cascade"),
  ],
);

/** Password-reset links: only a hash of the emailed token is stored; each works once, briefly. */
export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Framework versions made in the running system (a new year's OIT list imported by a national
 * administrator), loaded beside frameworks/*.json at start-up. National: no agency owns one.
 */
export const frameworkVersions = pgTable("framework_versions", {
  id: text("id").primaryKey(),
  fiscalYear: integer("fiscal_year").notNull(),
  /** The framework it was made from, whose OIT item ids `framework.previous` maps. */
  base: text("base").notNull(),
  /** The whole framework as validated, the same shape as a frameworks/<id>.json file. */
  framework: jsonb("framework").notNull(),
  createdBy: uuid("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

// The OIT and survey tables live in their own files; re-exported so one module holds the whole schema.
export * from "./oit-schema.ts";
export * from "./survey-schema.ts";
