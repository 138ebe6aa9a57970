import {
  boolean,
  date,
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
import { assessments } from "./schema.ts";

// Survey tables. Anonymity is a property of this schema: codes, one-time passwords and responses
// share no key, no id and no time finer than the day (tests in survey-anonymity.test.ts).

export const surveyAccessModes = ["open", "code", "otp"] as const;

/**
 * One survey tool of an assessment: its public link token, how respondents get in, the
 * population the minimum sample is computed from, and the days it takes answers.
 */
export const surveys = pgTable(
  "surveys",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    /** The unguessable part of the link `/go/{tool}/{token}`. */
    token: text("token").notNull().unique(),
    access: text("access", { enum: surveyAccessModes }).notNull(),
    population: integer("population"),
    opensOn: date("opens_on", { mode: "string" }).notNull(),
    closesOn: date("closes_on", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId, t.tool] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

/**
 * Printed single-use codes. Deliberately nothing ties a code to the response it unlocked: no
 * foreign key, no shared id and no time at all, only whether it has been used.
 */
export const surveyCodes = pgTable(
  "survey_codes",
  {
    agencyId: uuid("agency_id").notNull(),
    code: text("code").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    /** The print run, so a coordinator can reprint one batch of cards. */
    batch: integer("batch").notNull(),
    used: boolean("used").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.code] }),
    index("survey_codes_batch").on(t.agencyId, t.assessmentId, t.tool, t.batch),
  ],
);

/**
 * One-time-password checks of open links: only hashes of the contact and of the codes are kept,
 * and nothing ties a row to the response its pass unlocked.
 */
export const surveyOtps = pgTable(
  "survey_otps",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    contactHash: text("contact_hash").notNull(),
    codeHash: text("code_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Set once the code is confirmed: the hash of the pass the respondent's form carries. */
    passHash: text("pass_hash"),
    used: boolean("used").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.assessmentId, t.tool, t.contactHash] })],
);

export const surveyChannels = ["link", "code", "otp", "phone"] as const;

/**
 * Answers of one respondent. The only time kept is the day; the id is random; the idempotency
 * key is made by the form, not derived from any code, contact or address.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    agencyId: uuid("agency_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    channel: text("channel", { enum: surveyChannels }).notNull(),
    answers: jsonb("answers").$type<Record<string, string>>().notNull(),
    submittedOn: date("submitted_on", { mode: "string" }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    /** The same answer to every item: kept for evaluators, never dropped. */
    straightLine: boolean("straight_line").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.id] }),
    unique("survey_responses_idempotency").on(t.agencyId, t.idempotencyKey),
    index("survey_responses_assessment").on(t.agencyId, t.assessmentId, t.tool),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

/** The order of a tool's count vector under a framework (see domain/survey/tally-layout.ts). */
export const surveyTallyLayouts = pgTable(
  "survey_tally_layouts",
  {
    frameworkId: text("framework_id").notNull(),
    tool: text("tool").notNull(),
    itemIds: text("item_ids").array().notNull(),
    optionIds: text("option_ids").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.tool] })],
);

/**
 * Answer counts of one survey: respondents and one count per item and option in the layout's
 * order, kept in the transaction that stores the responses.
 */
export const surveyTallies = pgTable(
  "survey_tallies",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    frameworkId: text("framework_id").notNull(),
    respondents: integer("respondents").notNull(),
    counts: integer("counts").array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agencyId, t.assessmentId, t.tool] }),
    foreignKey({
      columns: [t.agencyId, t.assessmentId],
      foreignColumns: [assessments.agencyId, assessments.id],
    }).onDelete("cascade"),
  ],
);

export const surveyFlagKinds = ["burst"] as const;

/** Patterns seen while collecting (not derivable from day-level data), kept per day for evaluators. */
export const surveyFlags = pgTable(
  "survey_flags",
  {
    agencyId: uuid("agency_id").notNull(),
    assessmentId: uuid("assessment_id").notNull(),
    tool: text("tool").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind", { enum: surveyFlagKinds }).notNull(),
    /** The largest number of submissions seen within the burst window that day. */
    peak: integer("peak").notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.assessmentId, t.tool, t.day, t.kind] })],
);
