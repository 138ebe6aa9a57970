import { CSRF_HEADER } from "../../shared/limits.ts";
import { csrfToken, errorFromBody, networkError } from "./client.ts";

/**
 * Posts a multipart form and reports how much of it has been sent (0 to 1). XMLHttpRequest,
 * because fetch cannot report upload progress yet; errors are the same ApiError as `api` throws.
 */
export function uploadForm<T>(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("accept", "application/json");
    request.setRequestHeader(CSRF_HEADER, csrfToken());
    request.withCredentials = true;
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(errorFromBody(request.status, body));
    });
    request.addEventListener("error", () => reject(networkError()));
    request.addEventListener("abort", () => reject(networkError()));
    request.send(form);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
