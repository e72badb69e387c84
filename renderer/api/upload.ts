import { IMPORT_CHUNK_BYTES } from '../../shared/contracts/api/import-api';
import type { Result } from '../../shared/contracts/result';
import { api } from './client';

/** Base64 of a slice of a file, through FileReader (native, fast for 1 MB chunks). */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('The file could not be read.'));
    r.readAsDataURL(blob);
  });
}

/** Uploads a file the user picked to the services (upload.begin + ordered upload.chunk); returns its upload id. */
export async function uploadFile(file: File): Promise<Result<string, string>> {
  const begun = await api['upload.begin']({ fileName: file.name, totalBytes: file.size });
  if (!begun.ok) return begun;
  const { uploadId } = begun.value;
  for (let offset = 0, seq = 0; offset < file.size; offset += IMPORT_CHUNK_BYTES, seq++) {
    const r = await api['upload.chunk']({ uploadId, seq, data: await base64Of(file.slice(offset, offset + IMPORT_CHUNK_BYTES)) });
    if (!r.ok) return r;
  }
  return { ok: true, value: uploadId };
}
