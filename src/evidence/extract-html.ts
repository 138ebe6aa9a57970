import { Parser } from "htmlparser2";

// Text, title, headings and links of an HTML page, read with a forgiving streaming parser.

export interface PageLink {
  /** Absolute URL without its fragment. */
  url: string;
  /** The link's visible text (an image's alt text counts). */
  text: string;
}

export interface HtmlExtract {
  title: string;
  headings: string[];
  links: PageLink[];
  text: string;
}

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4"]);
const BLOCKS = new Set([
  "p",
  "div",
  "li",
  "tr",
  "br",
  "td",
  "th",
  "section",
  "article",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);
// Embedded documents are evidence too: many agencies show a PDF inside the page.
const EMBED_ATTRIBUTE: Record<string, string> = { iframe: "src", embed: "src", object: "data" };

function squeeze(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** Absolute http(s) URL of `href` against `base`, fragment dropped; null for anything else. */
export function resolveLink(href: string, base: string): string | null {
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    return url.href;
  } catch {
    return null;
  }
}

/** Charset named in a Content-Type header or a `<meta>` near the top of the page. */
export function htmlCharset(contentType: string | null, head: Buffer): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const sniff = head.subarray(0, 2048).toString("latin1");
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(sniff)?.[1]?.toLowerCase() ?? "utf-8";
}

/** Decodes a page in its charset; Thai sites still use TIS-620 / windows-874. */
export function decodeHtml(body: Buffer, contentType: string | null): string {
  const charset = htmlCharset(contentType, body);
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

export function extractHtml(html: string, pageUrl: string): HtmlExtract {
  let base = pageUrl;
  const texts: string[] = [];
  const headings: string[] = [];
  const links: PageLink[] = [];
  let title = "";
  let skipping = 0;
  let inTitle = false;
  let heading: string[] | null = null;
  let anchor: { href: string; text: string[] } | null = null;

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) skipping++;
        if (name === "base" && attributes.href)
          base = resolveLink(attributes.href, pageUrl) ?? base;
        if (name === "title") inTitle = true;
        if (HEADINGS.has(name)) heading = [];
        if (name === "a" && attributes.href) anchor = { href: attributes.href, text: [] };
        if (name === "img" && attributes.alt && anchor) anchor.text.push(` ${attributes.alt} `);
        const embedded = EMBED_ATTRIBUTE[name];
        const target = embedded ? attributes[embedded] : undefined;
        if (target) {
          const url = resolveLink(target, base);
          if (url) links.push({ url, text: attributes.title ?? "" });
        }
        if (BLOCKS.has(name)) texts.push("\n");
      },
      ontext(data) {
        if (skipping > 0) return;
        if (inTitle) title += data;
        heading?.push(data);
        anchor?.text.push(data);
        texts.push(data);
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (name === "title") inTitle = false;
        if (HEADINGS.has(name) && heading) {
          const text = squeeze(heading.join(""));
          if (text) headings.push(text);
          heading = null;
        }
        if (name === "a" && anchor) {
          const url = resolveLink(anchor.href, base);
          if (url) links.push({ url, text: squeeze(anchor.text.join("")) });
          anchor = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = texts.join("").split("\n").map(squeeze).filter(Boolean).join("\n");
  return { title: squeeze(title), headings, links, text };
}
