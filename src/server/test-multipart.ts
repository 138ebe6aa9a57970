import { randomBytes } from "node:crypto";

/** A browser's multipart form with one file part, ready to spread into `app.inject`. */
export function multipartForm(fileName: string, type: string, bytes: Buffer, field = "file") {
  const boundary = `----prongsai${randomBytes(8).toString("hex")}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head, "utf8"),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
