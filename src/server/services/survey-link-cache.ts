import type { Db } from "../db/database.ts";
import { findSurveysByTokens, type SurveyByToken } from "./survey-rows.ts";

export type FindSurvey = (tool: string, token: string) => Promise<SurveyByToken | undefined>;

/**
 * Survey links looked up together and remembered for `ttlMs`: the links asked for in the same
 * moment share one query, and a busy link costs at most one query per TTL. A change of window
 * or access reaches respondents within the TTL.
 */
export function cachedSurveyLinks(db: Db, ttlMs: number, now = () => Date.now()): FindSurvey {
  const cache = new Map<string, { at: number; found: Promise<SurveyByToken | undefined> }>();
  let pending: { token: string; hand: (found: Promise<Map<string, SurveyByToken>>) => void }[] = [];

  const flush = () => {
    const asked = pending;
    pending = [];
    const found = findSurveysByTokens(
      db,
      asked.map((a) => a.token),
    );
    for (const { hand } of asked) hand(found);
  };

  const lookUp = (token: string): Promise<SurveyByToken | undefined> =>
    new Promise<Map<string, SurveyByToken>>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ token, hand: (found) => found.then(resolve, reject) });
    }).then((rows) => rows.get(token));

  return (tool, token) => {
    const key = token.toLowerCase();
    const hit = cache.get(key);
    const found = hit && now() - hit.at < ttlMs ? hit.found : remember(key, lookUp(key));
    return found.then((row) => (row && row.survey.tool === tool.toUpperCase() ? row : undefined));
  };

  function remember(key: string, found: Promise<SurveyByToken | undefined>) {
    // Unknown tokens and failures are not kept, so guessing cannot fill memory.
    found.then(
      (row) => row || cache.delete(key),
      () => cache.delete(key),
    );
    if (cache.size > 50_000) cache.clear();
    cache.set(key, { at: now(), found });
    return found;
  }
}
