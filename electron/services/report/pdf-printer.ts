import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';

/** Turns a self-contained HTML page into PDF bytes. */
export type PdfPrinter = { engine: string; print: (html: string) => Promise<Uint8Array> };

let registered: PdfPrinter | null = null;

/** Lets the desktop app print with Electron's webContents.printToPDF (electron/main registers it at start). */
export function setPdfPrinter(p: PdfPrinter | null): void {
  registered = p;
}

/** Chromium binaries tried in order when no Electron printer is registered. */
function chromiumPath(): string | null {
  const candidates = [process.env.TESSERA_CHROMIUM, process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/**
 * Headless Chromium through playwright-core (browser mode, CLI, tests): setContent + page.pdf, no network
 * (the page is self-contained and every request is aborted). Null when playwright-core or a browser is missing.
 */
async function chromiumPrinter(): Promise<PdfPrinter | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return null;
  }
  return {
    engine: `chromium (${executablePath})`,
    print: async (html) => {
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
      try {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'Letter', printBackground: true, preferCSSPageSize: true });
      } finally {
        await browser.close();
      }
    },
  };
}

/** The printer to use: Electron's when registered, else headless Chromium, else null (report.html still works). */
export async function pdfPrinter(): Promise<PdfPrinter | null> {
  return registered ?? (await chromiumPrinter());
}

/** Number of pages in a PDF: its /Type /Page objects (not /Pages). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;
}
