import { APP_METHOD_NAMES, type AppMethod } from '../../shared/contracts/app-api';
import { API_PREFIX, type AppClient, type HttpReply } from '../../shared/contracts/transport';

/**
 * Builds the AppApi client over HTTP (browser mode): POST /api/<method>. The session cookie the server
 * set for the launch link goes along by itself (same origin); the page never sees the secret.
 */
export function createHttpClient(baseUrl = ''): AppClient {
  const call = async (method: AppMethod, arg: unknown): Promise<unknown> => {
    const res = await fetch(`${baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
  const client: Record<string, (arg: unknown) => Promise<unknown>> = {};
  for (const m of APP_METHOD_NAMES) client[m] = (arg: unknown) => call(m, arg);
  return client as unknown as AppClient;
}
