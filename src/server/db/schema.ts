import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
