/**
 * A contact as a one-time password is sent to and hashed: an e-mail in lower case, or a Thai
 * mobile number as ten digits starting with 0 (+66 and spaces or dashes accepted). Undefined when
 * it is neither.
 */
export function normalizeSurveyContact(input: string): string | undefined {
  const text = input.trim();
  if (text.includes("@"))
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254
      ? text.toLowerCase()
      : undefined;
  const digits = text.replace(/[\s\-().]/g, "");
  const local = digits.startsWith("+66") ? `0${digits.slice(3)}` : digits;
  return /^0[689]\d{8}$/.test(local) ? local : undefined;
}
