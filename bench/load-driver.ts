import { type Dispatcher, Pool } from "undici";

// A closed-loop load driver: each of N virtual users sends one request, waits for its answer,
// then sends the next, for a fixed time. Latencies are kept exactly, so percentiles are exact.

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  firstFailure: string | undefined;
}

/** What the driver needs of an answer: its status and its body as text. */
export interface Answer {
  status: number;
  body: string;
}

export type HttpClient = (
  path: string,
  init?: { method?: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string },
) => Promise<Answer>;

/**
 * Keep-alive HTTP/1.1 through undici's connection pool: the least CPU per request of Node's
 * clients, which matters when the driver shares a small machine with the server it measures.
 */
export function httpClient(base: string, connections: number): HttpClient {
  const pool = new Pool(base, { connections });
  return async (path, { method = "GET", headers = {}, body } = {}) => {
    const response = await pool.request({ path, method, headers, body });
    return { status: response.statusCode, body: await response.body.text() };
  };
}

const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

/** Runs `users` loops of `send` for `seconds`; each user keeps its own state between requests. */
export async function drive<State>(options: {
  users: number;
  seconds: number;
  state: (user: number) => State;
  send: (state: State) => Promise<Answer>;
  /** Reads what the next request needs from a successful answer. */
  onOk?: (state: State, answer: Answer) => void;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.users }, async (_, user) => {
      const state = options.state(user);
      while (performance.now() < deadline) {
        const begin = performance.now();
        const answer = await options.send(state);
        if (ok(answer)) options.onOk?.(state, answer);
        else {
          failures++;
          firstFailure ??= `${answer.status} ${answer.body.slice(0, 200)}`;
        }
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: Math.round(at(0.5) * 10) / 10,
    p99: Math.round(at(0.99) * 10) / 10,
    failures,
    firstFailure,
  };
}
