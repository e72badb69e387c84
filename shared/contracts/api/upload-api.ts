import { z } from 'zod';
import type { Result } from '../result';
import { IMPORT_CHUNK_BYTES } from './import-api';
import { base64Arg, uploadIdArg, type ArgSchemas } from './common';

/** Where an upload is: bytes of totalBytes received; complete once all arrived. */
export type UploadStatus = { uploadId: string; fileName: string; bytes: number; totalBytes: number; complete: boolean };

/** Why an upload call failed. */
export type UploadErrorCode = 'not-found' | 'out-of-order' | 'too-large' | 'busy';

/**
 * Files a client hands to the services (a share file to inspect, open or import) without naming a path
 * on their machine: 'upload.begin', then the bytes in order in 'upload.chunk' calls (base64, at most
 * IMPORT_CHUNK_BYTES each). Methods that read a file take { upload: uploadId } once it is complete.
 * Uploads live in a folder private to the services and are deleted when they close.
 */
export type UploadApi = {
  'upload.begin': (a: { fileName: string; totalBytes: number }) => Promise<Result<UploadStatus, UploadErrorCode>>;
  'upload.chunk': (a: { uploadId: string; seq: number; data: string }) => Promise<Result<UploadStatus, UploadErrorCode>>;
};

/** Argument validators of UploadApi. */
export const uploadSchemas = {
  'upload.begin': z.object({ fileName: z.string().trim().min(1).max(255), totalBytes: z.number().int().nonnegative() }).strict(),
  'upload.chunk': z.object({ uploadId: uploadIdArg, seq: z.number().int().nonnegative(), data: base64Arg(IMPORT_CHUNK_BYTES) }).strict(),
} as const satisfies ArgSchemas<UploadApi>;
