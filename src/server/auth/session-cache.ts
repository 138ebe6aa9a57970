import type { Actor } from "./authorize.ts";

interface Entry<A extends Actor> {
  actor: A;
  /** When the session itself ends, or the entry's age runs out, whichever is first (ms). */
  until: number;
}

/**
 * Sessions this process resolved recently, so most requests skip the session query (ADR 0017).
 * An entry is used only while the database's notices of access changes are being heard: every
 * change to a person's sessions, memberships or account makes it forget that person, and losing
 * the notices forgets everyone until they are heard again.
 */
export class SessionCache<A extends Actor> {
  readonly #entries = new Map<string, Entry<A>>();
  #listening = false;
  /** Bumped by every forgetting, so an answer read before one is not kept after it. */
  #generation = 0;

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries: number,
  ) {}

  get(token: string, now: number): A | undefined {
    const entry = this.#listening ? this.#entries.get(token) : undefined;
    if (!entry) return undefined;
    if (entry.until > now) return entry.actor;
    this.#entries.delete(token);
    return undefined;
  }

  /** The generation to hand back to `set`, taken before the session is read. */
  generation(): number {
    return this.#generation;
  }

  set(token: string, actor: A, expiresAt: Date, now: number, readAt: number): void {
    // A change heard while the session was being read may not be in what was read.
    if (!this.#listening || readAt !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(token, { actor, until: Math.min(expiresAt.getTime(), now + this.maxAgeMs) });
  }

  /** A notice: this person's access changed, or "*" for everyone's. */
  heard(payload: string): void {
    this.#generation++;
    for (const [token, entry] of this.#entries)
      if (payload === "*" || entry.actor.userId === payload) this.#entries.delete(token);
  }

  listening(listening: boolean): void {
    this.#generation++;
    this.#listening = listening;
    if (!listening) this.#entries.clear();
  }

  forgetAll(): void {
    this.heard("*");
  }
}
