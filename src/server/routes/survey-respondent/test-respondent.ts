import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Framework } from "../../../domain/framework/schema.ts";
import { surveyGroups } from "../../../domain/survey/survey-form.ts";

// Test helpers that fill the respondent forms as a browser without JavaScript would.

/** The hidden fields of a rendered form, as the browser would post them. */
export function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g))
    fields[m[1] ?? ""] = m[2] ?? "";
  return fields;
}

export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string>,
  extra: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: "POST",
    url,
    payload: new URLSearchParams(fields).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...extra.headers },
    ...(extra.remoteAddress ? { remoteAddress: extra.remoteAddress } : {}),
  });
}

/** Item ids of each screen of a tool. */
export function screenItems(framework: Framework, tool: string): string[][] {
  return surveyGroups(framework, tool).map((g) => g.questions.flatMap((q) => q.itemIds));
}

/** Answers every screen from the first one shown, choosing with `pick`; returns the final post's answer. */
export async function answerEveryScreen({
  app,
  base,
  firstScreen,
  framework,
  tool,
  pick,
  extra,
}: {
  app: FastifyInstance;
  base: string;
  firstScreen: string;
  framework: Framework;
  tool: string;
  pick: (itemId: string) => string;
  extra?: { remoteAddress?: string; headers?: Record<string, string> };
}): Promise<LightMyRequestResponse> {
  const screens = screenItems(framework, tool);
  let html = firstScreen;
  for (const [s, items] of screens.entries()) {
    const fields: Record<string, string> = { ...hiddenFields(html), _nav: "next" };
    for (const item of items) fields[`a:${item}`] = pick(item);
    const last = s === screens.length - 1;
    const answer = await postForm(app, `${base}/${last ? "submit" : "screen"}`, fields, extra);
    if (last) return answer;
    if (!answer.body.includes(`ส่วนที่ ${s + 2} จาก ${screens.length}`))
      throw new Error(`screen ${s + 2} did not follow: ${answer.body.slice(0, 500)}`);
    html = answer.body;
  }
  throw new Error("a survey without screens");
}

/** The first option of the item's scale: every item gets an answer it accepts. */
export function firstOption(framework: Framework, tool: string): (itemId: string) => string {
  const options = new Map<string, string>();
  for (const g of surveyGroups(framework, tool))
    for (const { scale, itemIds } of g.questions)
      for (const id of itemIds) options.set(id, scale.options[0]?.id ?? "");
  return (itemId) => options.get(itemId) ?? "";
}
