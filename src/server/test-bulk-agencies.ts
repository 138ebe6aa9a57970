import { seededRandom, syntheticAgencyYear } from "../../bench/synthetic-agencies.ts";
import { parseAgencyYear } from "../domain/agency-year/parse-agency-year.ts";
import type { Content } from "../domain/content/schema.ts";
import type { Framework } from "../domain/framework/schema.ts";
import type { Db } from "./db/database.ts";
import { type LoadedAgencyYear, loadAgencyYear } from "./services/load-agency-year.ts";

/** Loads synthetic agencies `first` … `first + count - 1` (measures of fiscal year 2566) into the database. */
export async function loadSyntheticAgencies(options: {
  db: Db;
  frameworks: Map<string, Framework>;
  content: Content;
  first: number;
  count: number;
}): Promise<LoadedAgencyYear[]> {
  const { db, frameworks, content, first, count } = options;
  const loaded: LoadedAgencyYear[] = [];
  // The same seed per agency, so each one's data does not depend on which others are loaded.
  for (let i = first; i < first + count; i++) {
    const raw = syntheticAgencyYear(i, content, seededRandom(i + 1));
    const file = parseAgencyYear(raw, frameworks);
    loaded.push(await loadAgencyYear({ db, frameworks, actor: "test", file }));
  }
  return loaded;
}
