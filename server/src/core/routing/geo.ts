import edgesData from '../data/geo/edges.json';
import rttData from '../data/geo/interregion-rtt.json';
import regionsData from '../data/geo/regions.json';

/** Geography and measured latency, read from the data files in ../data/geo (see SOURCES.md there). */

export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

export interface AwsRegion extends LatLon {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly mrapSupported: boolean;
  readonly mrapOptIn: boolean;
  readonly inLatencyMatrix: boolean;
}

export interface EdgeLocation extends LatLon {
  /** IATA airport code of the metro (the first letters of a CloudFront POP id). */
  readonly code: string;
  readonly city: string;
  readonly country: string;
  /** Mainland-China edges belong to CloudFront's China network and cannot carry MRAP traffic. */
  readonly usableForMrapIngress: boolean;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const REGIONS: readonly AwsRegion[] = regionsData.regions.map((r) => ({
  code: r.code,
  name: r.name,
  city: r.city,
  lat: r.lat,
  lon: r.lon,
  mrapSupported: r.mrapSupported,
  mrapOptIn: r.mrapOptIn === true,
  inLatencyMatrix: r.inLatencyMatrix,
}));

const REGION_BY_CODE = new Map(REGIONS.map((r) => [r.code, r]));

export function regionByCode(code: string): AwsRegion | undefined {
  return REGION_BY_CODE.get(code);
}

export const EDGES: readonly EdgeLocation[] = edgesData.edges.map((e) => ({
  code: e.code,
  city: e.city,
  country: e.country,
  lat: e.lat,
  lon: e.lon,
  usableForMrapIngress: e.usableForMrapIngress,
}));

export const INGRESS_EDGES: readonly EdgeLocation[] = EDGES.filter((e) => e.usableForMrapIngress);

const MATRIX_INDEX = new Map(rttData.regions.map((r, i) => [r, i]));
const SYMMETRIC: readonly (readonly number[])[] = rttData.symmetricMs.matrix;

/** Regions with a row in the measured matrix. */
export const MATRIX_REGIONS: readonly AwsRegion[] = REGIONS.filter((r) => MATRIX_INDEX.has(r.code));

/** Measured p50 RTT in ms between two Regions (mean of both directions), when both were measured. */
export function measuredRttMs(a: string, b: string): number | undefined {
  const i = MATRIX_INDEX.get(a);
  const j = MATRIX_INDEX.get(b);
  if (i === undefined || j === undefined) return undefined;
  return SYMMETRIC[i]?.[j];
}

export const DATA_DATES = {
  rtt: rttData.measurementDate,
  edges: '2025-05-04 (tobilg/aws-edge-locations @401febf)',
  regions: regionsData.retrieved,
} as const;
