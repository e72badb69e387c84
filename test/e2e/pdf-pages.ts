import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

// Renders a PDF's pages to images with PDF.js (pdfjs-dist) in the test's Chromium, so a test can look at what a
// reader sees: no system tool (poppler) is needed, the same on every machine and in CI.

/** One rendered page: its size in pixels, the dark pixels ("ink") in all and in each side margin, and the PNG. */
export type RenderedPage = { width: number; height: number; ink: number; inkLeft: number; inkRight: number; png: Buffer };

const PDFJS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/build/pdf.min.mjs'));
const ORIGIN = 'http://pdf-pages.test';
const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
import * as pdfjs from './pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = './pdf.worker.min.mjs';
window.renderPdf = async (b64, scale, marginPx) => {
  const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const doc = await pdfjs.getDocument({ data }).promise;
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let ink = 0, inkLeft = 0, inkRight = 0;
    for (let y = 0; y < canvas.height; y++) {
      for (let x = 0; x < canvas.width; x++) {
        const i = (y * canvas.width + x) * 4;
        if (px[i] > 200 && px[i + 1] > 200 && px[i + 2] > 200) continue;
        ink++;
        if (x < marginPx) inkLeft++;
        else if (x >= canvas.width - marginPx) inkRight++;
      }
    }
    out.push({ width: canvas.width, height: canvas.height, ink, inkLeft, inkRight, png: canvas.toDataURL('image/png') });
  }
  return out;
};
document.body.dataset.ready = '1';
</script>`;

/**
 * Renders every page of pdf at `dpi` and measures the ink in the left and right margins (`marginMm` wide, less
 * 1 mm of tolerance for anti-aliasing). Saves the pages as PNGs into `saveTo` when given.
 */
export async function renderPdfPages(context: BrowserContext, pdf: Buffer, o: { dpi?: number; marginMm: number; saveTo?: string }): Promise<RenderedPage[]> {
  const dpi = o.dpi ?? 60;
  const page = await context.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === '' || name === 'index.html') return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (/^pdf(\.worker)?\.min\.mjs$/.test(name)) return route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(PDFJS, name)) });
      return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === '1');
    const marginPx = Math.floor(((o.marginMm - 1) / 25.4) * dpi);
    const pages = await page.evaluate(
      ([b64, scale, m]) => (window as unknown as { renderPdf: (b: string, s: number, m: number) => Promise<(Omit<RenderedPage, 'png'> & { png: string })[]> }).renderPdf(b64, scale, m),
      [pdf.toString('base64'), dpi / 72, marginPx] as const,
    );
    const out = pages.map((p) => ({ ...p, png: Buffer.from(p.png.slice(p.png.indexOf(',') + 1), 'base64') }));
    if (o.saveTo) {
      mkdirSync(o.saveTo, { recursive: true });
      out.forEach((p, i) => writeFileSync(join(o.saveTo!, `page-${i + 1}.png`), p.png));
    }
    return out;
  } finally {
    await page.close();
  }
}

/** Letter paper's printable width at 96 px per inch with the report's 14 mm margins. */
export const LETTER_PRINTABLE_PX = 8.5 * 96 - 2 * (14 / 25.4) * 96;

/**
 * Lays out html as it prints (print media, the printable width) and names every element that ends past the
 * printable width ("tag.class: text…"), outermost first; [] when everything fits.
 */
export async function overflowingElements(context: BrowserContext, html: string, width = LETTER_PRINTABLE_PX): Promise<string[]> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width: Math.floor(width), height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate((limit) => {
      const out: string[] = [];
      // Where an element's content ends: its box, or further when its content overflows the box (a long word).
      const end = (el: Element): number => {
        const r = el.getBoundingClientRect();
        return r.width === 0 ? 0 : r.left + Math.max(r.width, el instanceof HTMLElement ? el.scrollWidth : 0);
      };
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const right = end(el);
        if (right <= limit + 0.5) continue;
        // Name only the outermost offender: its children overflow with it.
        const parent = el.parentElement;
        if (parent && parent !== document.body && end(parent) > limit + 0.5) continue;
        out.push(`${el.tagName.toLowerCase()}${el.getAttribute('class') ? `.${el.getAttribute('class')}` : ''}: ${(el.textContent ?? '').trim().slice(0, 40)} (ends at ${Math.round(right)} px of ${Math.floor(limit)})`);
      }
      return out;
    }, width);
  } finally {
    await page.close();
  }
}
