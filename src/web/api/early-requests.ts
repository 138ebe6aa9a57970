// Requests started by the page's first script, before the app's code has loaded; the app's first
// call for the same address takes the answer instead of asking again.
const started = new Map<string, Promise<Response>>();

/** Starts a GET of an API address now, with the same headers `api` would send. */
export function startEarly(path: string): void {
  started.set(
    path,
    fetch(path, { headers: { accept: "application/json" }, credentials: "same-origin" }),
  );
}

/** The early answer for this address, once; later calls ask the server again. */
export function takeEarly(path: string): Promise<Response> | undefined {
  const response = started.get(path);
  started.delete(path);
  return response;
}

/** Forgets every early answer not yet taken: after a write they may no longer be true. */
export function forgetEarly(): void {
  started.clear();
}
