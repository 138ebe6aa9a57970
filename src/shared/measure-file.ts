import { z } from "zod";
import { measureParams } from "./measure.ts";

// Evidence files of a measure: uploaded as multipart (one part named "file"), stored by SHA-256.

/** The multipart field that carries the file. */
export const FILE_FIELD = "file";

export const measureFileParams = measureParams.extend({ fileId: z.uuid() });

export const measureFileResponse = z.object({
  id: z.string(),
  measureId: z.string(),
  name: z.string(),
  type: z.string(),
  size: z.number().int(),
  /** Hex SHA-256 of the bytes; the download's ETag carries it too. */
  sha256: z.string(),
  createdAt: z.string(),
});

export type MeasureFileResponse = z.output<typeof measureFileResponse>;
