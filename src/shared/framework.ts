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
