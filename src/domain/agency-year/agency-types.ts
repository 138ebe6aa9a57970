// The kinds of agency ITA assesses; a plain list so the web app can use it without Zod.
export const agencyTypes = [
  "องค์การบริหารส่วนจังหวัด",
  "เทศบาลนคร",
  "เทศบาลเมือง",
  "เทศบาลตำบล",
  "องค์การบริหารส่วนตำบล",
  "กรุงเทพมหานคร",
  "เมืองพัทยา",
  "ส่วนราชการ",
  "รัฐวิสาหกิจ",
  "องค์การมหาชน",
  "หน่วยงานอื่นของรัฐ",
] as const;
