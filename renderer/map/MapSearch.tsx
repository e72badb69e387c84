import { useEffect, useMemo, useState } from 'react';
import { boundsOf, type LonLatBounds } from '../../shared/domain/map/extent';
import { buildPlaceIndex, searchPlaces, type Place, type PlaceIndex } from '../../shared/domain/map/place-search';
import { usStateByFips } from '../../shared/domain/dataset/us-states';
import { formatCompact } from '../../shared/domain/format/numbers';
import { mostlyInUs, type CityRow } from '../../shared/domain/map/map-labels';
import US_CITIES from './data/us-cities.json';
import { api } from '../api/client';
import { useDatasetStore } from '../state/dataset-store';
import { useScenarioStore } from '../state/scenario-store';
import type { UnitFeature } from './geometry';

const KIND_WORDS: Record<string, string> = { county: 'County', zip: 'ZIP code', state: 'State', custom: 'Area' };

/** Box of a polygon's rings. */
function featureBounds(f: UnitFeature): LonLatBounds | null {
  const xs: number[] = [];
  const ys: number[] = [];
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  for (const ring of rings) for (const p of ring) { xs.push(p[0]!); ys.push(p[1]!); }
  return boundsOf(xs, ys);
}

/** Every place the search knows: states (parent areas), territories, major cities (US data), units (their polygons) and placed accounts. */
function usePlaceIndex(active: boolean): PlaceIndex | null {
  const units = useDatasetStore((s) => s.units);
  const geometry = useDatasetStore((s) => s.geometry);
  const accounts = useDatasetStore((s) => s.accounts);
  const points = useDatasetStore((s) => s.points);
  const territories = useScenarioStore((s) => s.current?.payload.territories);
  const unitTerritory = useScenarioStore((s) => s.alignment?.unitTerritory);
  return useMemo(() => {
    if (!active || !units) return null;
    const places: Place[] = [];
    const unitBox: (LonLatBounds | null)[] = units.ids.map(() => null);
    for (const f of geometry?.features ?? []) if (f.properties.unitIndex >= 0) unitBox[f.properties.unitIndex] = featureBounds(f);
    const boxOfUnits = (keep: (i: number) => boolean): LonLatBounds | null => {
      const xs: number[] = [];
      const ys: number[] = [];
      unitBox.forEach((b, i) => {
        if (!b || !keep(i)) return;
        xs.push(b[0][0], b[1][0]);
        ys.push(b[0][1], b[1][1]);
      });
      return boundsOf(xs, ys);
    };
    const unitWord = KIND_WORDS[units.kind] ?? 'Area';
    units.names.forEach((name, i) => {
      const b = unitBox[i] ?? boundsOf([units.x[i]!], [units.y[i]!]);
      if (b) places.push({ kind: 'unit', name: units.kind === 'zip' ? `${units.ids[i]} ${name}` : name, detail: unitWord, bounds: b });
    });
    for (const parent of new Set(units.parents)) {
      if (!parent) continue;
      const b = boxOfUnits((i) => units.parents[i] === parent);
      const st = usStateByFips(parent);
      if (b) places.push({ kind: 'state', name: st ? st.name : parent, detail: st ? `State (${st.abbr})` : 'Parent area', bounds: b });
    }
    (territories ?? []).forEach((t, ti) => {
      const b = unitTerritory ? boxOfUnits((i) => unitTerritory[i] === ti) : null;
      if (b) places.push({ kind: 'territory', name: t.name, detail: `Territory · ${t.region || 'no region'}`, bounds: b });
    });
    if (mostlyInUs(units.x, units.y)) {
      for (const [name, state, lon, lat, population] of US_CITIES as unknown as CityRow[]) {
        places.push({ kind: 'city', name: `${name}, ${state}`, detail: `City · ${formatCompact(population)} people`, bounds: [[lon, lat], [lon, lat]] });
      }
    }
    if (accounts && points) {
      accounts.names.forEach((name, i) => {
        const x = points.positions[i * 2]!;
        const y = points.positions[i * 2 + 1]!;
        if (x === 0 && y === 0) return; // not placed on the map
        places.push({ kind: 'account', name, detail: 'Account', bounds: [[x, y], [x, y]] });
      });
    }
    return buildPlaceIndex(places);
  }, [active, units, geometry, accounts, points, territories, unitTerritory]);
}

/** A five-digit query in a workspace whose units are not ZIPs: where that ZIP code lies (asked of the services, offline). */
function useZipLookup(query: string): Place | null {
  const kind = useDatasetStore((s) => s.units?.kind);
  const zip = /^\d{5}$/.test(query.trim()) && kind !== 'zip' ? query.trim() : null;
  const [hit, setHit] = useState<Place | null>(null);
  useEffect(() => {
    setHit(null);
    if (!zip) return;
    let live = true;
    api['dataset.findZip']({ zip })
      .then((r) => {
        if (live && r) setHit({ kind: 'unit', name: `ZIP ${r.zip}`, detail: 'ZIP code (its centre)', bounds: [[r.lon, r.lat], [r.lon, r.lat]] });
      })
      .catch(() => undefined); // no hit: the list says nothing matched
    return () => {
      live = false;
    };
  }, [zip]);
  return hit;
}

/** Finds a state, territory, city, county, ZIP code or account by name and shows it on the map. */
export function MapSearch({ onShow }: { onShow: (bounds: LonLatBounds, maxZoom?: number) => void }) {
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const unitWord = useDatasetStore((s) => (KIND_WORDS[s.units?.kind ?? 'custom'] ?? 'Area').toLowerCase());
  const index = usePlaceIndex(query.trim() !== '');
  const zipHit = useZipLookup(query);
  const hits = useMemo(() => {
    const found = index ? searchPlaces(index, query) : [];
    return zipHit && !found.some((p) => p.name.startsWith(zipHit.name)) ? [zipHit, ...found] : found;
  }, [index, query, zipHit]);
  const show = (p: Place) => {
    onShow(p.bounds, p.kind === 'account' ? 11 : p.kind === 'city' ? 8 : 9);
    setQuery('');
    setCursor(0);
  };
  return (
    <div className="map-search">
      <input
        type="search"
        data-testid="map-search"
        placeholder="Find a place…"
        aria-label="Find a state, territory, city, county, ZIP code or account"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setCursor(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setCursor((c) => Math.min(c + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setCursor((c) => Math.max(c - 1, 0));
          else if (e.key === 'Enter' && hits[cursor]) show(hits[cursor]);
          else if (e.key === 'Escape') setQuery('');
        }}
      />
      {query.trim() !== '' ? (
        <ul className="map-search__list" data-testid="map-search-results" role="listbox">
          {hits.length === 0 ? <li className="map-search__none">No state, territory, city, {unitWord} or account is called “{query.trim()}”</li> : null}
          {hits.map((p, i) => (
            <li key={`${p.kind}:${p.name}:${i}`} role="option" aria-selected={i === cursor} onMouseDown={(e) => { e.preventDefault(); show(p); }}>
              <span>{p.name}</span> <span className="map-search__detail">{p.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
