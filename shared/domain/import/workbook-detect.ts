import { err, ok, type Result } from '../../contracts/result';

/**
 * Largest workbook read. It is parsed whole (unlike a CSV, which is streamed), at roughly 150 times its
 * size in memory: measured +430 MB for a 2.9 MB sheet of 50,000 rows x 10 columns.
 */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

/** Largest total of a workbook's entries unzipped (a small file that inflates to gigabytes is refused). */
export const MAX_WORKBOOK_UNZIPPED = 256 * 1024 * 1024;

/** What the first bytes of a file say it is. */
export type FileMagic = 'zip' | 'ole' | 'text';

/** Why a workbook cannot be read. */
export type WorkbookRefusal = 'unsupported-workbook' | 'too-large' | 'unknown-sheet' | 'unreadable-workbook';

const SAVE_AS = 'save it as .xlsx or CSV';

/** ZIP (xlsx, xlsb, ods, …) or OLE compound file (xls, password-protected xlsx) by the magic bytes; else text. */
export function fileMagic(head: Uint8Array): FileMagic {
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => head[i] === b)) return 'ole';
  return 'text';
}

/**
 * The refusal where only a CSV text file is read (units, edges, leads, quotas) and the first bytes say
 * workbook or another ZIP/OLE file; null for text.
 */
export function textOnlyRefusal(head: Uint8Array, what: string): string | null {
  const magic = fileMagic(head);
  if (magic === 'text') return null;
  const kind = magic === 'zip' ? 'an Excel workbook (.xlsx) or another ZIP file' : 'an old Excel workbook (.xls) or another OLE file';
  return `This is ${kind}, but the ${what} must be a CSV text file: open it in Excel or LibreOffice and save it as CSV (UTF-8).`;
}

/** True for a workbook-like file name (used with the magic bytes: a renamed CSV is still read as text). */
export function hasWorkbookExtension(name: string): boolean {
  return /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|numbers)$/i.test(name);
}

/** Names of the entries of a ZIP archive, from its central directory; null when it is not a readable ZIP. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  return zipEntries(bytes)?.map((e) => e.name) ?? null;
}

/** Entries of a ZIP archive (name and unzipped size) from its central directory; null when it is not a readable ZIP. */
function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 65535); p--) {
    if (view.getUint32(p, true) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const names: { name: string; size: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    // The names compared are ASCII; other bytes are kept one char per byte (no TextDecoder in shared/).
    names.push({ name: String.fromCharCode(...bytes.subarray(p + 46, p + 46 + nameLength)), size });
    p += 46 + nameLength + extra + comment;
  }
  return names;
}

/** True when an OLE compound file holds an encrypted OOXML package (a password-protected .xlsx). */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  // The directory names its streams in UTF-16LE; an encrypted package has "EncryptionInfo".
  const needle = [...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Checks that a whole file is an .xlsx workbook Tessera reads, or says exactly what it is instead
 * (old .xls, a password-protected workbook, .xlsb, OpenDocument, Numbers, another ZIP) and what to do.
 */
export function checkWorkbook(bytes: Uint8Array): Result<true, WorkbookRefusal> {
  const magic = fileMagic(bytes);
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    return err('too-large', `The workbook is ${(bytes.length / 1048576).toFixed(0)} MB; workbooks are read whole, up to ${MAX_WORKBOOK_BYTES / 1048576} MB. Save the sheet as CSV (CSV files of any size are streamed).`);
  }
  if (magic === 'ole') {
    return isEncryptedOoxml(bytes)
      ? err('unsupported-workbook', `This workbook is password-protected (encrypted), so it cannot be read. Remove the password in Excel and ${SAVE_AS}.`)
      : err('unsupported-workbook', `This is an old Excel 97-2003 workbook (.xls), which Tessera does not read. Open it in Excel or LibreOffice and ${SAVE_AS}.`);
  }
  if (magic !== 'zip') return err('unsupported-workbook', 'This is not a workbook.');
  const entries = zipEntries(bytes);
  if (!entries) return err('unreadable-workbook', `This ZIP archive is damaged or cut short (no central directory), so it cannot be read as a workbook; ${SAVE_AS} again.`);
  const names = entries.map((e) => e.name);
  const has = (n: string) => names.includes(n);
  if (has('xl/workbook.xml')) {
    const unzipped = entries.reduce((n, e) => n + e.size, 0);
    if (unzipped > MAX_WORKBOOK_UNZIPPED) return err('too-large', `The workbook unzips to ${(unzipped / 1048576).toFixed(0)} MB (at most ${MAX_WORKBOOK_UNZIPPED / 1048576} MB are read). Save the sheet as CSV (CSV files of any size are streamed).`);
    return ok(true);
  }
  if (has('xl/workbook.bin')) return err('unsupported-workbook', `This is a binary Excel workbook (.xlsb), which Tessera does not read; ${SAVE_AS}.`);
  if (has('mimetype') && has('content.xml')) return err('unsupported-workbook', `This is an OpenDocument spreadsheet (.ods), which Tessera does not read; ${SAVE_AS}.`);
  if (names.some((n) => n.startsWith('Index/') && n.endsWith('.iwa'))) return err('unsupported-workbook', `This is an Apple Numbers file, which Tessera does not read; export it from Numbers as .xlsx or CSV.`);
  return err('unsupported-workbook', `This is a ZIP archive but not an Excel workbook (no xl/workbook.xml inside); import a .xlsx workbook or a CSV file.`);
}
