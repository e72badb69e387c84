import type { AppApi } from './app-api';

/** HTTP header that carries the per-launch secret of browser mode. */
export const TOKEN_HEADER = 'x-tessera-token';
/** Name of the <meta> tag the server injects into index.html with the token. */
export const TOKEN_META = 'tessera-token';
/** Path prefix of API calls in browser mode: POST /api/<method>. */
export const API_PREFIX = '/api/';

/** Body of a successful HTTP API reply: the method's return value. */
export type HttpReply = { result: unknown } | { error: { code: string; message: string } };

/** What the renderer talks to: the same object over IPC (window.tessera) or HTTP. */
export type AppClient = { [M in keyof AppApi]: AppApi[M] };
