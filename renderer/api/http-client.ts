import { APP_METHOD_NAMES, type AppMethod } from '../../shared/contracts/app-api';
import { API_PREFIX, TOKEN_HEADER, TOKEN_META, type AppClient, type HttpReply } from '../../shared/contracts/transport';

/** Reads the per-launch token the browser-mode server put into index.html. */
function readToken(): string {
  const meta = document.querySelector(`meta[name="${TOKEN_META}"]`);
  return meta?.getAttribute('content') ?? '';
}

/** Builds the AppApi client over HTTP (browser mode): POST /api/<method> with the token header. */
export function createHttpClient(baseUrl = '', token = readToken()): AppClient {
  const call = async (method: AppMethod, arg: unknown): Promise<unknown> => {
    const res = await fetch(`${baseUrl}${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
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
