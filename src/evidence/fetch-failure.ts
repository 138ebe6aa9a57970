// Why a fetch gave no usable response, in Thai and English, so reasons can quote it.

export type FetchFailureKind =
  | "invalid-url"
  | "refused"
  | "too-many-redirects"
  | "timeout"
  | "too-large"
  | "encoding"
  | "network"
  | "aborted";

export interface FetchFailure {
  kind: FetchFailureKind;
  th: string;
  en: string;
}

export function failure(kind: FetchFailureKind, th: string, en: string): FetchFailure {
  return { kind, th, en };
}

/** Thrown inside the connector and the body reader; turned into a FetchFailure at the edge. */
export class FetchStop extends Error {
  constructor(readonly failure: FetchFailure) {
    super(failure.en);
    this.name = "FetchStop";
  }
}

/** The FetchStop somewhere in an error's cause chain, if any. */
export function findStop(error: unknown): FetchStop | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof FetchStop) return current;
    current = current.cause;
  }
  return undefined;
}

export function refusedAddress(host: string, address: string): FetchFailure {
  return failure(
    "refused",
    `ไม่อนุญาตให้เชื่อมต่อ ${host} (${address}) เพราะเป็นที่อยู่ภายในหรือที่อยู่สงวน`,
    `refused to connect to ${host} (${address}): private, loopback, link-local or reserved address`,
  );
}
