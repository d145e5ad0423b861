import { EDGES, regionByCode, REGIONS, type AwsRegion, type EdgeLocation } from './geo';

/** Where a simulated client is: a point on the map, or inside an AWS Region (EC2, Lambda, ...). */
export type ClientLocation =
  | { readonly kind: 'point'; readonly label: string; readonly lat: number; readonly lon: number; readonly edge?: EdgeLocation }
  | { readonly kind: 'region'; readonly label: string; readonly lat: number; readonly lon: number; readonly region: AwsRegion };

export type LocationLookup = { ok: true; location: ClientLocation } | { ok: false; message: string; candidates: string[] };

/** Lower case, accents and punctuation removed, single spaces: `São  Paulo` -> `sao paulo`. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LAT_LON = /^\s*([+-]?\d+(?:\.\d+)?)\s*,\s*([+-]?\d+(?:\.\d+)?)\s*$/;

/**
 * Resolves `--from`: `lat,lon`, an AWS Region code, or an edge city (case- and accent-insensitive,
 * exact name or unambiguous prefix). Unknown or ambiguous names list the closest candidates.
 */
export function resolveLocation(text: string): LocationLookup {
  const ll = LAT_LON.exec(text);
  if (ll) {
    const lat = Number(ll[1]);
    const lon = Number(ll[2]);
    if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return { ok: false, message: `'${text}' is not a valid latitude,longitude (latitude -90..90, longitude -180..180)`, candidates: [] };
    return { ok: true, location: { kind: 'point', label: `${lat},${lon}`, lat, lon } };
  }
  const region = regionByCode(text.trim().toLowerCase());
  if (region) return { ok: true, location: { kind: 'region', label: `${region.code} (${region.city})`, lat: region.lat, lon: region.lon, region } };
  const wanted = normalizeName(text);
  if (!wanted) return { ok: false, message: 'empty location: give a city, lat,lon or an AWS Region code', candidates: [] };
  const exact = EDGES.filter((e) => normalizeName(e.city) === wanted);
  const matches = exact.length > 0 ? exact : EDGES.filter((e) => normalizeName(e.city).startsWith(wanted));
  const [only] = matches;
  if (only && matches.length === 1) return { ok: true, location: { kind: 'point', label: only.city, lat: only.lat, lon: only.lon, edge: only } };
  if (matches.length > 1) {
    const names = matches.map((e) => e.city).sort();
    return { ok: false, message: `'${text}' is ambiguous: ${names.join(', ')}`, candidates: names };
  }
  const closest = closestNames(wanted);
  return { ok: false, message: `unknown location '${text}'; closest: ${closest.join(', ')} (or give lat,lon or an AWS Region code)`, candidates: closest };
}

/** The five names nearest by edit distance (comparing against the name and its prefix of the same length). */
function closestNames(wanted: string): string[] {
  const names = [...EDGES.map((e) => e.city), ...REGIONS.map((r: AwsRegion) => r.code)];
  return names
    .map((name) => {
      const n = normalizeName(name);
      return { name, d: Math.min(editDistance(wanted, n), editDistance(wanted, n.slice(0, wanted.length)) + 1) };
    })
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 5)
    .map((x) => x.name);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
