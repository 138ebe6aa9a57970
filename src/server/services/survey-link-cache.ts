import type { Db } from "../db/database.ts";
import { findSurveyByToken, type SurveyByToken } from "./survey-rows.ts";

export type FindSurvey = (tool: string, token: string) => Promise<SurveyByToken | undefined>;

/**
 * Survey links looked up at most once per `ttlMs` per link: every respondent of a busy survey
 * would otherwise cost a query. A change of window or access reaches respondents within the TTL.
 */
export function cachedSurveyLinks(db: Db, ttlMs: number, now = () => Date.now()): FindSurvey {
  const cache = new Map<string, { at: number; found: Promise<SurveyByToken | undefined> }>();
  return (tool, token) => {
    const key = `${tool.toUpperCase()}/${token.toLowerCase()}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.found;
    // Unknown tokens are not kept, so guessing cannot fill memory.
    const found = findSurveyByToken({ db, tool, token }).then((row) => {
      if (!row) cache.delete(key);
      return row;
    });
    found.catch(() => cache.delete(key));
    if (cache.size > 50_000) cache.clear();
    cache.set(key, { at: now(), found });
    return found;
  };
}
