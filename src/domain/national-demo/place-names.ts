import type { Random } from "./seeded-random.ts";

// Syllables of common Thai place names, combined into plausible (often real) names of villages,
// subdistricts and districts; many places in Thailand share a name, as these will.
const HEADS = [
  "หนอง",
  "บ้าน",
  "ดอน",
  "โคก",
  "ห้วย",
  "นา",
  "ท่า",
  "วัง",
  "บึง",
  "แม่",
  "ป่า",
  "เขา",
  "คลอง",
  "บาง",
  "โนน",
  "ทุ่ง",
  "สระ",
  "ลำ",
];
const TAILS = [
  "ใหม่",
  "แดง",
  "ทอง",
  "หลวง",
  "คำ",
  "บัว",
  "ยาง",
  "ไผ่",
  "ม่วง",
  "ขาม",
  "แก้ว",
  "เหนือ",
  "ใต้",
  "กลาง",
  "สวรรค์",
  "ศรี",
  "จันทร์",
  "งาม",
  "พระ",
  "ตะเคียน",
];

export function placeName(random: Random): string {
  const head = HEADS[Math.floor(random() * HEADS.length)] ?? "หนอง";
  const tail = TAILS[Math.floor(random() * TAILS.length)] ?? "ใหม่";
  return `${head}${tail}`;
}
