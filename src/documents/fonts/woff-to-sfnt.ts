import { inflateSync } from "node:zlib";

// resvg reads TrueType/OpenType only, while @fontsource ships WOFF; WOFF 1.0 is the same
// tables, each optionally zlib-compressed, so rebuilding the plain font needs no extra package.

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"
const WOFF_HEADER_SIZE = 44;
const WOFF_TABLE_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_TABLE_ENTRY_SIZE = 16;

interface WoffTable {
  tag: number;
  offset: number;
  compLength: number;
  origLength: number;
  checksum: number;
}

/** Rebuilds the TrueType/OpenType font held in a WOFF 1.0 file. */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < WOFF_HEADER_SIZE || input.readUInt32BE(0) !== WOFF_SIGNATURE) {
    throw new Error("ไม่ใช่ไฟล์ฟอนต์ WOFF 1.0 (not a WOFF 1.0 font)");
  }
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables: WoffTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER_SIZE + i * WOFF_TABLE_ENTRY_SIZE;
    tables.push({
      tag: input.readUInt32BE(at),
      offset: input.readUInt32BE(at + 4),
      compLength: input.readUInt32BE(at + 8),
      origLength: input.readUInt32BE(at + 12),
      checksum: input.readUInt32BE(at + 16),
    });
  }

  const searchPower = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(SFNT_HEADER_SIZE + numTables * SFNT_TABLE_ENTRY_SIZE);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchPower * 16, 6);
  header.writeUInt16BE(Math.log2(searchPower), 8);
  header.writeUInt16BE(numTables * 16 - searchPower * 16, 10);

  const chunks: Buffer[] = [header];
  let offset = header.length;
  tables.forEach((table, i) => {
    const stored = input.subarray(table.offset, table.offset + table.compLength);
    const data = table.compLength < table.origLength ? inflateSync(stored) : stored;
    if (data.length !== table.origLength) {
      throw new Error("ตารางในไฟล์ฟอนต์ WOFF เสียหาย (corrupt WOFF table)");
    }
    const entry = SFNT_HEADER_SIZE + i * SFNT_TABLE_ENTRY_SIZE;
    header.writeUInt32BE(table.tag, entry);
    header.writeUInt32BE(table.checksum, entry + 4);
    header.writeUInt32BE(offset, entry + 8);
    header.writeUInt32BE(table.origLength, entry + 12);
    const padding = (4 - (data.length % 4)) % 4;
    chunks.push(data, Buffer.alloc(padding));
    offset += data.length + padding;
  });
  return Buffer.concat(chunks);
}
