import { DomainError } from "../domain/errors.ts";

/** Thai first, English beside it, then every problem with the field it concerns. */
export function formatError(error: unknown): string {
  if (!(error instanceof DomainError))
    return `ข้อผิดพลาดที่ไม่คาดคิด / Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  const lines = [
    `ข้อผิดพลาด: ${error.userMessage}`,
    `Error [${error.code}]: ${firstLine(error.message)}`,
  ];
  for (const d of error.details) {
    lines.push(`  • ${d.path || "(ทั้งไฟล์ / whole file)"}`);
    lines.push(`      ${d.th}`);
    lines.push(`      ${d.en}`);
  }
  return lines.join("\n");
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
