/** An expected failure that crosses a boundary as a value. */
export type AppError<C extends string = string> = { code: C; message: string; details?: unknown };

/** Success or expected failure; thrown errors are reserved for bugs and invalid arguments. */
export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; error: AppError<C> };

/** Wraps a value as a success. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** Builds an expected failure. */
export function err<C extends string>(code: C, message: string, details?: unknown): { ok: false; error: AppError<C> } {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
