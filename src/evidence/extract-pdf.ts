// Text of a PDF with PDF.js (its legacy build is the one meant for Node).

// Enough pages to find a title and the fiscal year; long annexes add time, not evidence.
const MAX_PAGES = 30;

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function extractPdf(data: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = getDocument({
    data: new Uint8Array(data),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        (content.items as TextItemLike[])
          .map((item) => `${item.str ?? ""}${item.hasEOL ? "\n" : ""}`)
          .join(""),
      );
      page.cleanup();
    }
    return pages.join("\n").normalize("NFC");
  } finally {
    await task.destroy();
  }
}
