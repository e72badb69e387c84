import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Query parameter of the launch URL that carries the one-time launch code. */
export const LAUNCH_PARAM = 'launch';

/**
 * The per-launch session of browser mode. The server never serves its secret to whoever asks: `serve`
 * prints (and may open) a URL with a one-time launch code; the first page load with that code gets the
 * secret as an HttpOnly, SameSite=Strict cookie, and every API call must carry that cookie.
 */
export type Session = {
  /** Cookie name; it includes the port because browsers share cookies between ports of one host. */
  cookieName: string;
  /** The cookie's value (the session secret). */
  token: string;
  /** The code in the launch URL; valid once. */
  launchCode: string;
  /** True (once) when code is this session's unused launch code. */
  redeem: (code: string) => boolean;
  /** True when the request's Cookie header carries the session secret. */
  authorized: (cookieHeader: string | undefined) => boolean;
  /** Set-Cookie value that hands the secret to the browser. */
  setCookie: () => string;
};

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Value of one cookie in a Cookie header (no decoding: our values are hex). */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Creates a session for a server on port; token is random unless given (tests). */
export function createSession(port: number, token = randomBytes(24).toString('hex')): Session {
  const cookieName = `tessera-session-${port}`;
  const launchCode = randomBytes(16).toString('hex');
  let redeemed = false;
  return {
    cookieName,
    token,
    launchCode,
    redeem: (code) => {
      if (redeemed || !same(code, launchCode)) return false;
      redeemed = true;
      return true;
    },
    authorized: (header) => {
      const v = cookieValue(header, cookieName);
      return v !== null && same(v, token);
    },
    setCookie: () => `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
