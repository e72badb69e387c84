import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import type { PdfPrinter } from '../services/report/pdf-printer';

/**
 * The desktop app's PDF engine: the report page is written to a temp file and loaded in a hidden,
 * sandboxed window without JavaScript, in its own session that refuses every request but that file;
 * webContents.printToPDF then prints it with the page's CSS page size.
 */
export function electronPdfPrinter(): PdfPrinter {
  return {
    engine: `electron ${process.versions.electron ?? ''} printToPDF`,
    print: async (html) => {
      const dir = mkdtempSync(join(tmpdir(), 'tessera-report-'));
      const file = join(dir, 'report.html');
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const ses = session.fromPartition('tessera-report');
      ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }));
      const win = new BrowserWindow({ show: false, webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
      try {
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF({ pageSize: 'Letter', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
