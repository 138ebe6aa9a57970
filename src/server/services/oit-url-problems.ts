import type { IssueDetail } from "../../domain/errors.ts";
import { isWebLink } from "../../domain/oit/oit-windows.ts";

/** Every link that is not an absolute http(s) URL, as problems at `${path}.${index}`. */
export function urlProblems(urls: readonly string[], path: string): IssueDetail[] {
  return urls.flatMap((url, index) =>
    isWebLink(url)
      ? []
      : [
          {
            path: `${path}.${index}`,
            th: `"${url}" ไม่ใช่ลิงก์เว็บที่ขึ้นต้นด้วย http:// หรือ https://`,
            en: `"${url}" is not an http(s) URL`,
          },
        ],
  );
}
