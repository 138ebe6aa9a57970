import { CSRF_HEADER } from "../../shared/limits.ts";
import { apiErrorOf, csrfToken, networkError } from "./client.ts";

/**
 * Posts a multipart form and reports how much of it has been sent (0 to 1); throws ApiError.
 * XMLHttpRequest, because fetch cannot report upload progress.
 */
export function upload<T>(
  path: string,
  form: FormData,
  onProgress: (sent: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.withCredentials = true;
    request.setRequestHeader("accept", "application/json");
    request.setRequestHeader(CSRF_HEADER, csrfToken());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.upload.onload = () => onProgress(1);
    request.onerror = () => reject(networkError());
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // A proxy's HTML error page: the status alone describes it.
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(apiErrorOf(request.status, body));
    };
    request.send(form);
  });
}
