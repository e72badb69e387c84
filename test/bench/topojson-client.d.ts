// Minimal typing of the part of topojson-client the benchmark uses (the package ships no types).
declare module 'topojson-client' {
  export function neighbors(objects: unknown[]): number[][];
}
