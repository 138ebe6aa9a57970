import { inflateRawSync } from "node:zlib";

// A DOCX is a ZIP: a few compressed kilobytes can inflate to gigabytes inside the reader, so
// every entry is inflated here first under a byte cap, trusting no size the archive declares.

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export class ZipTooLarge extends Error {}

/** Throws when the entries' real decompressed sizes add up to more than `limit` bytes. */
export function assertZipWithin(zip: Buffer, limit: number): void {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || zip.readUInt32LE(eocd) !== EOCD) throw new Error("not a ZIP archive");
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
      throw new Error("damaged ZIP directory");
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
      throw new Error("damaged ZIP entry");
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (error) {
        if (error instanceof RangeError) throw new ZipTooLarge(`ZIP content over ${limit} bytes`);
        throw error;
      }
    } else throw new Error(`unsupported ZIP compression method ${method}`);
    if (total > limit) throw new ZipTooLarge(`ZIP content over ${limit} bytes`);
  }
}
