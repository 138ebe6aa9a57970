// Download names: Thai file names go in RFC 5987's filename*, with a plain ASCII name beside it
// for clients that only read filename.

/** Controls, path separators and quotes never reach a file name or the header. */
function clean(name: string): string {
  return [...name]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code < 0x20 || code === 0x7f || c === "/" || c === "\\" || c === '"' ? "-" : c;
    })
    .join("");
}

/** Percent-encodes everything outside RFC 5987's attr-char set. */
function encodeAttr(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition that saves the response as `fileName`, `fallback` for older clients;
 * `inline` shows it in the browser instead (a preview), keeping the name for "save as".
 */
export function attachmentDisposition(
  fileName: string,
  fallback: string,
  type: "attachment" | "inline" = "attachment",
): string {
  const ascii = [...clean(fallback)].map((c) => ((c.codePointAt(0) ?? 0) > 0x7e ? "_" : c));
  return `${type}; filename="${ascii.join("")}"; filename*=UTF-8''${encodeAttr(clean(fileName))}`;
}
