// Types of ./launch-plan.mjs (plain JavaScript so it runs before dependencies are installed).
export type Env = Record<string, string | undefined>;
export function installPlan(f: { nodeModules: boolean; installStamp: number | null; lockFile: number | null }): null | { args: string[]; why: string };
export function buildIsStale(f: { newestSource: number; outputs: (number | null)[] }): boolean;
export function hasDisplay(platform: string, env: Env): boolean;
export function browserOpener(url: string, platform: string, env: Env): null | { cmd: string; args: string[] };
export function launchMode(f: { electronBinary: boolean; sqliteForElectron: boolean; display: boolean }): { mode: 'desktop' } | { mode: 'browser'; why: string };
export function urlInLine(line: string): string | null;
export function findChromium(f: { env: Env; platform: string; onPath: (name: string) => string | null; exists: (p: string) => boolean; playwright: string | null }): null | { path: string; source: string };
export function noChromiumHelp(platform: string): string;
