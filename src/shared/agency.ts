import { z } from "zod";
import { agencyTypes } from "../domain/agency-year/schema.ts";

// The agency as the API shows it and the fields an agency may change about itself.

export const agencyResponse = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  type: z.string(),
  province: z.string(),
  district: z.string(),
  website: z.string(),
  headName: z.string().nullable(),
  headPosition: z.string(),
  divisions: z.array(z.string()),
});

export const agencyUpdate = z
  .strictObject({
    nameEn: z.string().trim().min(1).nullable(),
    type: z.enum(agencyTypes),
    website: z.url({ protocol: /^https?$/ }),
    headName: z.string().trim().min(1).nullable(),
    headPosition: z.string().trim().min(1),
    divisions: z.array(z.string().trim().min(1)).min(1),
  })
  .partial()
  .refine((u) => Object.keys(u).length > 0, "give at least one field to change");

/** A new agency as the national administrator registers it. */
export const agencyCreate = z.strictObject({
  name: z.string().trim().min(1),
  nameEn: z.string().trim().min(1).nullable().default(null),
  type: z.enum(agencyTypes),
  province: z.string().trim().min(1),
  district: z.string().trim().min(1),
  website: z.url({ protocol: /^https?$/ }),
  headName: z.string().trim().min(1).nullable().default(null),
  headPosition: z.string().trim().min(1),
  divisions: z.array(z.string().trim().min(1)).min(1),
});

export const agencyParams = z.object({ agencyId: z.uuid() });

export type AgencyResponse = z.output<typeof agencyResponse>;
export type AgencyUpdate = z.output<typeof agencyUpdate>;
export type AgencyCreate = z.input<typeof agencyCreate>;
