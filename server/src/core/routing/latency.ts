import { greatCircleKm, INGRESS_EDGES, MATRIX_REGIONS, measuredRttMs, type AwsRegion, type EdgeLocation, type LatLon } from './geo';

/**
 * The latency model of routing-model.md section 3: access (client -> nearest edge) plus backbone
 * (edge -> Region). The backbone leg goes through a nearby "anchor" Region whose measured medians we
 * know, plus a distance term with an inflation factor fitted on the 496 measured Region pairs.
 */

/** Light in silica fibre (n ~ 1.468): about 204 km per ms one way. */
export const FIBRE_KM_PER_MS = 204;
/** Same-Region measurements carry ~3 ms of Lambda/TCP-connect overhead (median of the diagonal). */
export const SAME_REGION_OVERHEAD_MS = 3;
export const MIN_ANCHOR_RADIUS_KM = 1500;
export const DEFAULT_LAST_MILE_MS = 10;

/** Path inflation over straight fibre, by great-circle distance (fitted on the measured pairs). */
export function inflation(km: number): number {
  if (km < 1000) return 2.25;
  if (km < 3000) return 1.85;
  return 1.65;
}

/** Distance model: RTT in ms over `km` of inflated fibre, plus a constant. */
export function distanceModelMs(km: number, constantMs: number): number {
  return constantMs + (inflation(km) * 2 * km) / FIBRE_KM_PER_MS;
}

/** The physics floor: RTT over a straight fibre. No estimate may be lower. */
export function fibreFloorMs(km: number): number {
  return (2 * km) / FIBRE_KM_PER_MS;
}

export function nearestEdge(point: LatLon, edges: readonly EdgeLocation[] = INGRESS_EDGES): { edge: EdgeLocation; km: number } {
  let best: { edge: EdgeLocation; km: number } | undefined;
  for (const edge of edges) {
    const km = greatCircleKm(point, edge);
    if (!best || km < best.km) best = { edge, km };
  }
  if (!best) throw new Error('no edge locations');
  return best;
}

/** How a backbone estimate was made; `measured*` kinds rest on a measured Region-to-Region median. */
export type EstimateMethod =
  | { kind: 'measured'; from: string } // client inside Region `from`: the matrix value itself
  | { kind: 'anchor'; anchor: string; anchorKm: number; anchorMs: number; measuredMs: number } // distance to anchor + measured anchor -> Region
  | { kind: 'distance'; km: number; reason: 'nearest-anchor-is-target' | 'no-measurements' } // distance model with the calibrated inflation
  | { kind: 'floor'; km: number }; // the physics floor was higher than every estimate

export interface Estimate {
  readonly ms: number;
  readonly km: number;
  readonly method: EstimateMethod;
}

export function basisOf(method: EstimateMethod): 'measured' | 'estimated' {
  return method.kind === 'measured' || method.kind === 'anchor' ? 'measured' : 'estimated';
}

/** Anchor Regions for a point: measured Regions within max(1500 km, twice the nearest one's distance). */
export function anchorsFor(point: LatLon, exclude: ReadonlySet<string> = new Set()): { region: AwsRegion; km: number }[] {
  const candidates = MATRIX_REGIONS.filter((r) => !exclude.has(r.code)).map((region) => ({ region, km: greatCircleKm(point, region) }));
  const nearest = Math.min(...candidates.map((c) => c.km));
  const radius = Math.max(MIN_ANCHOR_RADIUS_KM, 2 * nearest);
  return candidates.filter((c) => c.km <= radius);
}

/**
 * Backbone RTT from a point on the AWS network (an edge) to Region `target`.
 * `exclude` removes Regions from the anchor set (the leave-one-out validation uses it).
 */
export function backboneEstimate(point: LatLon, target: AwsRegion, exclude: ReadonlySet<string> = new Set()): Estimate {
  const km = greatCircleKm(point, target);
  const floor = fibreFloorMs(km);
  let best: Estimate = { ms: distanceModelMs(km, SAME_REGION_OVERHEAD_MS), km, method: { kind: 'distance', km, reason: 'no-measurements' } };
  if (target.inLatencyMatrix && !exclude.has(target.code)) {
    let bestMs = Infinity;
    for (const a of anchorsFor(point, exclude)) {
      if (a.region.code === target.code) {
        const ms = distanceModelMs(km, SAME_REGION_OVERHEAD_MS);
        if (ms < bestMs) {
          bestMs = ms;
          best = { ms, km, method: { kind: 'distance', km, reason: 'nearest-anchor-is-target' } };
        }
        continue;
      }
      const measured = measuredRttMs(a.region.code, target.code);
      if (measured === undefined) continue;
      const anchorMs = distanceModelMs(a.km, 0);
      const ms = anchorMs + measured;
      if (ms < bestMs) {
        bestMs = ms;
        best = { ms, km, method: { kind: 'anchor', anchor: a.region.code, anchorKm: a.km, anchorMs, measuredMs: measured } };
      }
    }
  }
  return best.ms < floor ? { ms: floor, km, method: { kind: 'floor', km } } : best;
}

/** RTT from inside Region `from` (EC2, Lambda): the measured median when there is one, never below the floor. */
export function regionToRegionEstimate(from: AwsRegion, target: AwsRegion): Estimate {
  const km = greatCircleKm(from, target);
  const measured = measuredRttMs(from.code, target.code);
  if (measured === undefined) return backboneEstimate(from, target);
  const floor = fibreFloorMs(km);
  return measured < floor ? { ms: floor, km, method: { kind: 'floor', km } } : { ms: measured, km, method: { kind: 'measured', from: from.code } };
}

export interface Access {
  readonly edge: EdgeLocation;
  readonly km: number;
  /** Last mile plus the distance model to the edge. */
  readonly ms: number;
}

export function accessFor(point: LatLon, lastMileMs: number = DEFAULT_LAST_MILE_MS): Access {
  const { edge, km } = nearestEdge(point);
  return { edge, km, ms: lastMileMs + distanceModelMs(km, 0) };
}

