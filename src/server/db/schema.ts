import {
  bigint,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
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
  totpSecret: text("totp_secret"),
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
  (t) => [primaryKey({ columns: [t.agencyId, t.userId, t.role] })],
);

/** Signed-in sessions; only a hash of the cookie's token is stored, so a leaked table opens nothing. */
export const sessions = pgTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
