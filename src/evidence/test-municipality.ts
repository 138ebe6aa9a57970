import { escapeXml } from "../documents/xml-escape.ts";
import { oitItems } from "../domain/framework/lookup.ts";
import type { Framework } from "../domain/framework/schema.ts";
import { localiseDigits } from "../domain/thai/numerals.ts";
import { requiredYear } from "./fiscal-year.ts";
import { fixtureDocx } from "./test-documents.ts";
import type { FixtureRoute } from "./test-site.ts";

// A Thai municipality's web site as fixture routes: a home page with an ITA menu, one page or
// file per OIT item, a sitemap and robots.txt, with chosen items made outdated, broken and so on.

export type ItemVariant =
  | "page" // a page naming the year, linked from the menu, with a DOCX attached
  | "pdf" // the menu links straight to a PDF whose text alone names the year
  | "docx" // the menu links straight to a DOCX whose text alone names the year
  | "old" // a linked page for the year before the one required
  | "broken" // the menu link answers 404
  | "empty-file" // the menu links to an empty PDF
  | "corrupt-docx" // the menu links to a DOCX that is not one
  | "orphan" // the page exists and is in the sitemap, but nothing links to it
  | "unlinked" // the page exists, not linked and not in the sitemap (given as evidence)
  | "missing"; // nothing at all

export interface MunicipalityOptions {
  framework: Framework;
  variants?: Record<string, ItemVariant>;
  /** Prints a PDF with a title and lines of Thai text. */
  pdf: (title: string, lines: string[]) => Promise<Buffer>;
  /** News pages besides the items, for size. */
  newsPages?: number;
  name?: string;
}

const thai = (n: number) => localiseDigits(String(n), "thai");

function page(title: string, body: string, links: [string, string][] = []): string {
  const list = links.map(([href, text]) => `<li><a href="${href}">${escapeXml(text)}</a></li>`);
  return (
    `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${escapeXml(title)}</title></head>` +
    `<body><h1>${escapeXml(title)}</h1><p>${escapeXml(body)}</p><ul>${list.join("")}</ul></body></html>`
  );
}

function yearPhrase(year: number | null, framework: Framework): string {
  const y = year ?? framework.fiscalYear;
  return `ประจำปีงบประมาณ พ.ศ. ${thai(y)}`;
}

const html = (body: string): FixtureRoute => ({ body });

export async function buildMunicipality(
  options: MunicipalityOptions,
): Promise<Record<string, FixtureRoute>> {
  const { framework } = options;
  const name = options.name ?? "เทศบาลตำบลห้วยสัก";
  const routes: Record<string, FixtureRoute> = {};
  const menu: [string, string][] = [];
  const sitemap: string[] = ["/"];
  const items = oitItems(framework);
  const shared =
    (options.newsPages ?? 0) > 0
      ? await options.pdf(name, ["เอกสารเผยแพร่ของหน่วยงาน"])
      : Buffer.alloc(0);

  for (const [index, item] of items.entries()) {
    const variant = options.variants?.[item.id] ?? "page";
    const year = requiredYear(item, framework.fiscalYear);
    const shownYear = variant === "old" ? (year ?? framework.fiscalYear) - 1 : year;
    const path = `/ita/${item.topic}.html`;
    const label = `${item.id} ${item.title.th}`;
    const phrase = yearPhrase(shownYear, framework);
    if (variant === "missing") continue;
    if (variant === "page" || variant === "old" || variant === "orphan" || variant === "unlinked") {
      const doc = `/files/${item.topic}-${shownYear ?? "all"}.docx`;
      routes[doc] = {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        body: await fixtureDocx(item.title.th, [`${name} ${phrase}`]),
      };
      routes[path] = html(
        page(`${item.title.th} ${phrase}`, `${name} เผยแพร่ข้อมูล${item.title.th} ${phrase}`, [
          [doc, `ดาวน์โหลดเอกสาร ${thai(index + 1)}`],
          ["/", "กลับหน้าแรก"],
        ]),
      );
      if (variant === "page" || variant === "old") menu.push([path, label]);
      if (variant !== "unlinked") sitemap.push(path);
      continue;
    }
    if (variant === "pdf") {
      const file = `/files/${item.topic}.pdf`;
      routes[file] = {
        type: "application/pdf",
        body: await options.pdf(item.title.th, [`${name}`, phrase]),
      };
      menu.push([file, label]);
      continue;
    }
    if (variant === "docx") {
      const file = `/files/${item.topic}.docx`;
      routes[file] = {
        type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        body: await fixtureDocx(item.title.th, [name, phrase]),
      };
      menu.push([file, label]);
      continue;
    }
    if (variant === "broken") menu.push([`/ita/${item.topic}-gone.html`, label]);
    if (variant === "empty-file") {
      routes[`/files/${item.topic}.pdf`] = { type: "application/pdf", body: Buffer.alloc(0) };
      menu.push([`/files/${item.topic}.pdf`, label]);
    }
    if (variant === "corrupt-docx") {
      routes[`/files/${item.topic}.docx`] = {
        type: "application/octet-stream",
        body: "not a docx",
      };
      menu.push([`/files/${item.topic}.docx`, label]);
    }
  }

  const newsLinks: [string, string][] = [];
  for (let n = 1; n <= (options.newsPages ?? 0); n++) {
    const path = `/news/${n}.html`;
    const attachment = `/news/${n}.pdf`;
    routes[path] = html(
      page(`กิจกรรมของ${name} ครั้งที่ ${thai(n)}`, "ภาพกิจกรรมและรายละเอียดโครงการพัฒนาชุมชน", [
        [attachment, "ภาพกิจกรรม"],
        ["/news/", "ข่าวทั้งหมด"],
      ]),
    );
    routes[attachment] = { type: "application/pdf", body: shared };
    newsLinks.push([path, `กิจกรรม ครั้งที่ ${thai(n)}`]);
  }
  routes["/news/"] = html(page("ข่าวประชาสัมพันธ์", `ข่าวสารของ${name}`, newsLinks));

  routes["/ita/"] = html(page(`การประเมิน ITA ${name}`, "ข้อมูลเปิดเผยต่อสาธารณะ", menu));
  routes["/"] = html(
    page(name, `ยินดีต้อนรับสู่เว็บไซต์${name}`, [
      ["/ita/", "ITA"],
      ["/news/", "ข่าวประชาสัมพันธ์"],
      ["/admin/secret.html", "ผู้ดูแลระบบ"],
      ["https://www.facebook.com/huaisak", "Facebook"],
    ]),
  );
  routes["/admin/secret.html"] = html(page("ผู้ดูแลระบบ", "ไม่ควรถูกเปิด"));
  routes["/robots.txt"] = { type: "text/plain", body: "User-agent: *\nDisallow: /admin/\n" };
  routes["/sitemap.xml"] = {
    type: "application/xml",
    body:
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` +
      sitemap.map((path) => `<url><loc>{origin}${path}</loc></url>`).join("") +
      "</urlset>",
  };
  return routes;
}

/** Fills the sitemap's `{origin}` once the server's port is known. */
export function withOrigin(routes: Record<string, FixtureRoute>, origin: string): void {
  const sitemap = routes["/sitemap.xml"];
  if (sitemap && typeof sitemap.body === "string")
    sitemap.body = sitemap.body.replaceAll("{origin}", origin.replace(/\/$/, ""));
}
