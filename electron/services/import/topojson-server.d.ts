// topojson-server ships without typings; only the one function Tessera calls is declared.
declare module 'topojson-server' {
  import type { Topology } from 'topojson-specification';
  export function topology(objects: Record<string, GeoJSON.GeoJsonObject>, quantization?: number): Topology;
}
