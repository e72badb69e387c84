import { readFileSync } from 'node:fs';
import { test as base, type BrowserContext } from '@playwright/test';
import { sessionFilePath } from './session-paths';

export { expect } from '@playwright/test';

/** What `serve --session-file` writes: the app URL, the one-time launch URL and the session cookie. */
export type SessionFile = { url: string; launchUrl: string; cookie: { name: string; value: string } };

/** Reads the session of the server behind baseURL. */
export function readSession(baseURL: string): SessionFile {
  return JSON.parse(readFileSync(sessionFilePath(Number(new URL(baseURL).port)), 'utf8')) as SessionFile;
}

/** Gives a browser context the session cookie, as opening the launch link would. */
export async function addSession(context: BrowserContext, baseURL: string): Promise<void> {
  const { cookie } = readSession(baseURL);
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: baseURL, httpOnly: true, sameSite: 'Strict' }]);
}

/** Playwright's test whose context already has the session of its project's server. */
export const test = base.extend({
  context: async ({ context, baseURL }, use) => {
    await addSession(context, baseURL!);
    await use(context);
  },
});
