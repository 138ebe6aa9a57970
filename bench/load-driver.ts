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

/** Runs `users` loops of `send` for `seconds`; each user keeps its own state between requests. */
export async function drive<State>(options: {
  users: number;
  seconds: number;
  state: (user: number) => State;
  send: (state: State) => Promise<Response>;
  /** Reads what the next request needs from a successful answer. */
  onOk?: (state: State, response: Response) => Promise<void>;
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
        const response = await options.send(state);
        if (response.ok) await (options.onOk?.(state, response) ?? response.arrayBuffer());
        else {
          failures++;
          firstFailure ??= `${response.status} ${(await response.text()).slice(0, 200)}`;
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
