import { CSRF_COOKIE, CSRF_HEADER } from "../../shared/limits.ts";
import { ApiError, type ProblemDetail } from "./api-error.ts";
import { forgetEarly, takeEarly } from "./early-requests.ts";

/** The CSRF cookie's value, echoed in a header on every write (double submit). */
export function csrfToken(): string {
  const pair = document.cookie.split("; ").find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : "";
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: ProblemDetail[] };
}

/** The refusal a failed response's JSON body describes (any body, even none, gives an ApiError). */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | null)?.error ?? {};
  return new ApiError(
    status,
    error.code ?? `HTTP_${status}`,
    error.message ?? `คำขอไม่สำเร็จ (HTTP ${status}) / request failed`,
    error.details ?? [],
  );
}

export function networkError(): ApiError {
  return new ApiError(
    0,
    "NETWORK",
    "ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง / cannot reach the server",
  );
}

async function toError(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await response.json().catch(() => ({})));
}

/** Calls the API with the session cookie and, on writes, the CSRF header; throws ApiError. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; form?: FormData; signal?: AbortSignal } = {},
): Promise<T> {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") {
    headers[CSRF_HEADER] = csrfToken();
    forgetEarly();
  }
  let body: BodyInit | undefined;
  if (init.form) body = init.form;
  else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  let response: Response;
  try {
    const early = method === "GET" && !init.signal ? takeEarly(path) : undefined;
    response = await (early ??
      fetch(path, {
        method,
        headers,
        credentials: "same-origin",
        ...(body === undefined ? {} : { body }),
        ...(init.signal ? { signal: init.signal } : {}),
      }));
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return null as T;
  return (await response.json()) as T;
}
