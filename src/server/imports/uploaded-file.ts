import type { FastifyRequest } from "fastify";
import { DomainError } from "../../domain/errors.ts";
import type { Upload } from "./read-sheet-rows.ts";

/** The one file of a multipart upload, still streaming; anything else is a Thai and English 400. */
export async function uploadedFile(request: FastifyRequest): Promise<Upload> {
  const part = request.isMultipart() ? await request.file() : undefined;
  if (!part)
    throw new DomainError("INPUT_INVALID", "send one file as multipart/form-data", {
      userMessage: "กรุณาแนบไฟล์หนึ่งไฟล์ (multipart/form-data)",
      details: [
        {
          path: "file",
          th: "ไม่พบไฟล์ที่แนบมา ให้ส่งไฟล์ .xlsx หรือ .csv หนึ่งไฟล์ในแบบฟอร์ม multipart/form-data",
          en: "no file attached: send one .xlsx or .csv file as multipart/form-data",
        },
      ],
    });
  return { file: part.file, filename: part.filename, mimetype: part.mimetype };
}
