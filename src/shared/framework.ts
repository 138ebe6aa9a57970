import { z } from "zod";
import { frameworkSchema } from "../domain/framework/schema.ts";

// ITA frameworks as the API shows them: one per fiscal year, read-only data.

const localText = z.object({ th: z.string(), en: z.string() });

export const frameworkParams = z.object({ frameworkId: z.string().trim().min(1).max(64) });

export const frameworkSummary = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  name: localText,
});

/** The whole framework as loaded from frameworks/<id>.json (the same schema that validates it). */
export const frameworkDetail = frameworkSchema;

export type FrameworkSummary = z.output<typeof frameworkSummary>;
export type FrameworkDetail = z.output<typeof frameworkDetail>;

/** A new framework version from an OIT item list: which framework it follows, its id and year. */
export const oitItemsImportQuery = z.object({
  base: z.string().trim().min(1).max(64),
  id: z
    .string()
    .trim()
    .regex(/^[a-z]+-[0-9]{4}$/),
  fiscalYear: z.coerce.number().int().min(2500).max(2700),
  /** Check the list and preview the mapping, storing nothing. */
  dryRun: z.enum(["true", "false"]).default("false"),
});

const moved = z.object({
  from: z.string(),
  to: z.string(),
  fromSubIndicator: z.string(),
  toSubIndicator: z.string(),
});

export const oitItemsImportResponse = z.object({
  dryRun: z.boolean(),
  framework: frameworkSummary,
  /** Every item of the base list: the new item it became, or null when dropped. */
  mapping: z.object({ from: z.string(), items: z.record(z.string(), z.string().nullable()) }),
  summary: z.object({
    items: z.number().int(),
    added: z.array(z.object({ id: z.string(), topic: z.string(), subIndicator: z.string() })),
    renumbered: z.array(z.object({ from: z.string(), to: z.string(), topic: z.string() })),
    retitled: z.array(
      z.object({ from: z.string(), to: z.string(), before: z.string(), after: z.string() }),
    ),
    moved: z.array(moved),
    merged: z.array(z.object({ from: z.array(z.string()), to: z.string() })),
    dropped: z.array(z.object({ id: z.string(), topic: z.string() })),
    newTopics: z.array(z.string()),
  }),
});

export type OitItemsImportResponse = z.output<typeof oitItemsImportResponse>;
