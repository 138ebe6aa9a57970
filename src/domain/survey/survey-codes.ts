import { randomInt } from "node:crypto";

// Letters and digits that cannot be misread on a printed card (no 0/O, 1/I/L).
const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function randomString(length: number, letters: string): string {
  let out = "";
  for (let i = 0; i < length; i++) out += letters[randomInt(letters.length)];
  return out;
}

/** A printed single-use code, `XXXX-XXXX` (about 40 bits: guessing one is hopeless). */
export function generateSurveyCode(): string {
  const raw = randomString(8, alphabet);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** What a respondent typed, as stored: upper case, dash in the middle, spaces ignored. */
export function normalizeSurveyCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

/** The unguessable token of a survey link (`/go/{tool}/{token}`), lower case for typing. */
export function generateSurveyToken(): string {
  return randomString(12, alphabet.toLowerCase());
}
