import { toString as toQrString } from "qrcode";

/** A QR code as inline SVG that scales to its box; medium error correction survives a smudge. */
export async function qrSvg(text: string): Promise<string> {
  return toQrString(text, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}
