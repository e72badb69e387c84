import { z } from 'zod';

/** Argument schema of methods that take no argument. */
export const emptyArg = z.object({}).strict();
/** A file system path argument (desktop and CLI only; see ../server-paths.ts). */
export const pathArg = z.string().min(1).max(4096);
/** Id of a file uploaded into the services' private folder (upload.begin). */
export const uploadIdArg = z.string().regex(/^[0-9a-f]{32}$/, 'an upload id is 32 hex digits (from upload.begin)');
/** Name of a workspace in the browser-mode server's data folder: a plain file name, no folders. */
export const workspaceNameArg = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^./\\][^/\\:*?"<>|\p{Cc}]*$/u, 'a workspace name is a plain file name: no folders, not starting with a dot');
/** Base64 text of at most bytes bytes (plus slack). */
export const base64Arg = (bytes: number) => z.string().max(Math.ceil(bytes / 3) * 4 + 16).regex(/^[A-Za-z0-9+/]*={0,2}$/);
/** Scenario selector: id or name, optional version. */
export const selectorArg = z
  .object({ scenario: z.union([z.number().int().positive(), z.string().min(1).max(200)]), version: z.number().int().positive().optional() })
  .strict();

/** Refinement: exactly one of the keys is present. */
export const exactlyOne =
  (...keys: string[]) =>
  (v: Record<string, unknown>): boolean =>
    keys.filter((k) => v[k] !== undefined).length === 1;

/** Selects a scenario by id or by name; version defaults to the head. */
export type ScenarioSelector = { scenario: number | string; version?: number };
/** No argument. */
export type Empty = Record<string, never>;
/** A workspace file: a path (desktop, CLI) or a name in the server's data folder (browser mode). */
export type WorkspaceTarget = { path: string; name?: never } | { name: string; path?: never };
/** A file to read: a path (desktop, CLI) or an uploaded file's id (any transport). */
export type FileSource = { path: string; upload?: never } | { upload: string; path?: never };

/**
 * Argument schemas of an API, each tied to its method's argument type: a schema whose parsed value is
 * not that type (a field missing, renamed or of another type) fails to compile, so the two cannot drift.
 */
export type ArgSchemas<Api> = { [M in keyof Api]: Api[M] extends (a: infer A) => unknown ? z.ZodType<A> : never };

/** Exactly one of two keys, as the union type an API declares ({ path } | { name } and the other fields). */
export type OneOf<T, A extends keyof T, B extends keyof T> =
  | (Omit<T, A | B> & { [K in A]-?: NonNullable<T[K]> } & { [K in B]?: never })
  | (Omit<T, A | B> & { [K in B]-?: NonNullable<T[K]> } & { [K in A]?: never });

/** An object schema refined to exactly one of keys a and b, typed as that union (see OneOf). */
export function exactlyOneOf<S extends z.ZodObject, A extends keyof z.output<S> & string, B extends keyof z.output<S> & string>(schema: S, a: A, b: B, message: string) {
  return schema.refine(exactlyOne(a, b), message).transform((v) => v as OneOf<z.output<S>, A, B>);
}
