// Types of ./setup.mjs (plain JavaScript so it runs before dependencies are installed).
export const ROOT: string;
export function mtime(path: string): number | null;
export function newestMtime(paths: string[]): number;
export function npm(args: string[], env?: NodeJS.ProcessEnv): boolean;
export function ensureDependencies(log?: (line: string) => void): boolean;
export function locateChromium(): null | { path: string; source: string };
