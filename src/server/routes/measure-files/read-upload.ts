import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { DomainError } from "../../../domain/errors.ts";
import { FILE_FIELD } from "../../../shared/measure-file.ts";

/** One uploaded file: its bytes, their SHA-256 and how the client named and typed it. */
export interface Upload {
  name: string;
  type: string;
  bytes: Buffer;
  sha256: string;
}

const mediaType = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/** Reads the request's one file part, hashing while it streams in; more than `maxBytes` is a 413. */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  const part = request.isMultipart()
    ? await request.file({ limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: false })
    : undefined;
  if (!part || part.fieldname !== FILE_FIELD) {
    part?.file.resume();
    throw new DomainError(
      "INPUT_INVALID",
      `send one file as multipart/form-data in "${FILE_FIELD}"`,
      {
        userMessage: "กรุณาแนบไฟล์หนึ่งไฟล์ (multipart/form-data) ในช่อง file",
        details: [{ path: FILE_FIELD, th: "ไม่พบไฟล์ที่แนบมา", en: "no file part" }],
      },
    );
  }
  const hash = createHash("sha256");
  const chunks: Buffer[] = [];
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  // Busboy stops at the limit and drains the rest, so nothing past it is ever kept.
  if (part.file.truncated) throw tooLarge(maxBytes);
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0)
    throw new DomainError("INPUT_INVALID", "the file is empty", {
      userMessage: "ไฟล์ที่แนบมาว่างเปล่า",
      details: [{ path: FILE_FIELD, th: "ไฟล์ว่างเปล่า (0 ไบต์)", en: "the file has no bytes" }],
    });
  return {
    name: cleanName(part.filename),
    type: mediaType.test(part.mimetype) ? part.mimetype.toLowerCase() : "application/octet-stream",
    bytes,
    sha256: hash.digest("hex"),
  };
}

function tooLarge(maxBytes: number): DomainError {
  const mb = Math.floor(maxBytes / (1024 * 1024));
  return new DomainError("TOO_LARGE", `the file is larger than ${maxBytes} bytes`, {
    userMessage: `ไฟล์มีขนาดใหญ่เกินกำหนด (ไม่เกิน ${mb} เมกะไบต์) กรุณาลดขนาดไฟล์แล้วลองใหม่`,
    details: [
      {
        path: FILE_FIELD,
        th: `ไฟล์ต้องไม่เกิน ${mb} เมกะไบต์`,
        en: `at most ${maxBytes} bytes (${mb} MiB)`,
      },
    ],
  });
}

/** The last path segment without control characters, kept to a sensible length. */
function cleanName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/\p{Cc}/gu, "")
    .trim()
    .slice(0, 200);
  return base === "" ? "file" : base;
}
