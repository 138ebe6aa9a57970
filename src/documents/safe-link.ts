// A model is data: only web and mail links become links, never script or file URLs.
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Whether a run's link may be written as a hyperlink. */
export function isSafeLink(link: string | undefined): link is string {
  return link !== undefined && SAFE_LINK.test(link);
}
