import { APP_METHOD_NAMES, type AppMethod } from '../../shared/contracts/app-api';
import { API_PREFIX, CALL_KEY_HEADER, type AppClient, type HttpReply } from '../../shared/contracts/transport';

/**
 * Builds the AppApi client over HTTP (browser mode): POST /api/<method>. The session cookie the server
 * set for the launch link goes along by itself (same origin); the page never sees the secret.
 */
export function createHttpClient(baseUrl = ''): AppClient {
  const call = httpCall(baseUrl);
  const client: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const m of APP_METHOD_NAMES) client[m] = (arg: unknown) => call(m, arg);
  return client as unknown as AppClient;
}

/** One call over HTTP; with a key, the CALL_KEY_HEADER names it for call.status / call.cancel. */
export function httpCall(baseUrl = ''): (method: AppMethod, arg: unknown, key?: string) => Promise<unknown> {
  return async (method, arg, key) => {
    const res = await fetch(`${baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { [CALL_KEY_HEADER]: key } : {}) },
      credentials: 'same-origin',
      body: JSON.stringify(arg ?? {}),
    });
    let body: HttpReply;
    try {
      body = (await res.json()) as HttpReply;
    } catch {
      throw new Error(`Tessera server replied ${res.status} without JSON to ${method}`);
    }
    if ('error' in body) throw new Error(body.error.message);
    return body.result;
  };
}
