import type { UploadApi } from '../../../shared/contracts/api/upload-api';
import type { ServiceContext } from '../context';

/** Handlers of upload.*. */
export function uploadHandlers(ctx: ServiceContext): UploadApi {
  return {
    'upload.begin': async ({ fileName, totalBytes }) => ctx.uploads.begin(fileName, totalBytes),
    'upload.chunk': async ({ uploadId, seq, data }) => ctx.uploads.chunk(uploadId, seq, Buffer.from(data, 'base64')),
  };
}
