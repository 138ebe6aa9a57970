import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DomainError } from "../../domain/errors.ts";
import { renderHtml } from "../html/render-html.ts";
import type { DocumentModel } from "../model.ts";
import { CHROMIUM_ARGS } from "./chromium-args.ts";
import { findChromium } from "./find-chromium.ts";

export interface PdfRenderer {
  render(model: DocumentModel): Promise<Buffer>;
  /** Prints a self-contained HTML page (fonts and images inline) the same way, e.g. survey cards. */
  printHtml(html: string): Promise<Buffer>;
  /** Closes the browser; safe to call more than once. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  executablePath?: string;
}

const RENDER_TIMEOUT_MS = 30_000;

interface Instance {
  browser: Browser;
  context: BrowserContext;
  /** A fresh page opened ahead of time, so the next render does not wait for one. */
  spare?: Promise<Page>;
}

async function launch(executablePath: string): Promise<Instance> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  } catch (cause) {
    throw new DomainError("DEPENDENCY_MISSING", `Chromium at ${executablePath} did not start`, {
      userMessage: `เปิด Chromium (${executablePath}) เพื่อสร้าง PDF ไม่สำเร็จ`,
      cause,
    });
  }
  // Offline and without scripts: the page is self-contained and must stay so.
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
  return { browser, context };
}

function openPage(instance: Instance): Promise<Page> {
  const page = instance.context.newPage();
  page.catch(() => undefined); // a spare that fails is reported by the render that takes it
  return page;
}

function takePage(instance: Instance): Promise<Page> {
  const page = instance.spare ?? openPage(instance);
  instance.spare = openPage(instance);
  return page;
}

/** Starts one headless Chromium that prints any number of documents, a fresh page per render. */
export async function createPdfRenderer(options: PdfRendererOptions = {}): Promise<PdfRenderer> {
  const executablePath = findChromium(options.executablePath);
  let instance: Promise<Instance> | undefined = launch(executablePath);
  await instance;
  let closing: Promise<void> | undefined;

  // A browser that crashed is started again on the next render instead of failing forever.
  async function current(): Promise<Instance> {
    const active = instance ?? launch(executablePath);
    instance = active;
    const resolved = await active;
    if (!resolved.browser.isConnected()) {
      instance = undefined;
      return current();
    }
    return resolved;
  }

  async function printHtml(html: string): Promise<Buffer> {
    if (closing) throw new DomainError("RENDER_FAILED", "the PDF renderer is closed");
    const page = await takePage(await current());
    try {
      page.setDefaultTimeout(RENDER_TIMEOUT_MS);
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate("document.fonts.ready.then(() => undefined)");
      // Page numbers come from the page's CSS (@page margin boxes), in the embedded Sarabun, so a
      // browser printing the HTML numbers pages the same way; no header/footer template needed.
      return await page.pdf({
        format: "A4",
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
      });
    } catch (cause) {
      throw new DomainError("RENDER_FAILED", `PDF rendering failed: ${String(cause)}`, {
        userMessage: "สร้างไฟล์ PDF ไม่สำเร็จ",
        cause,
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  return {
    render: (model) => printHtml(renderHtml(model)),
    printHtml,
    close() {
      closing ??= (async () => {
        const active = await instance?.catch(() => undefined);
        await active?.browser.close().catch(() => undefined);
      })();
      return closing;
    },
  };
}
