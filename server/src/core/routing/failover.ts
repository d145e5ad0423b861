import { INGRESS_EDGES } from './geo';
import { simulate, type MrapRegion, type SimulationInput } from './simulate';

export interface ClientMove {
  /** The edge whose clients move (each usable ingress edge stands for the clients entering there). */
  readonly edge: string;
  readonly city: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface FailoverImpact {
  readonly moves: readonly ClientMove[];
  readonly unchanged: number;
  readonly notes: readonly string[];
}

/**
 * Which clients change Region when the routing configuration changes from `before` to `after` (a
 * failover, a Region going down). `null` means requests fail. Both configurations must be valid.
 */
export function failoverImpact(before: readonly MrapRegion[], after: readonly MrapRegion[], options: Pick<SimulationInput, 'failOpen'> = {}): FailoverImpact {
  const moves: ClientMove[] = [];
  let unchanged = 0;
  for (const edge of INGRESS_EDGES) {
    const from = { kind: 'point' as const, label: edge.city, lat: edge.lat, lon: edge.lon, edge };
    const a = simulate({ name: '', regions: before, from, failOpen: options.failOpen }).chosen?.region ?? null;
    const b = simulate({ name: '', regions: after, from, failOpen: options.failOpen }).chosen?.region ?? null;
    if (a === b) unchanged++;
    else moves.push({ edge: edge.code, city: edge.city, from: a, to: b });
  }
  return {
    moves,
    unchanged,
    notes: [
      'New connections follow the new configuration about 2 minutes after it is saved.',
      'Existing connections are not terminated: they keep their Region until they finish, and pooled keep-alive connections can keep using the old Region for as long as they live.',
    ],
  };
}

export interface FailoverPreview {
  /** The Region taken out of routing. */
  readonly region: string;
  /** The passive Region set active in its place (the Failover control swaps a pair), if one had to be. */
  readonly promoted: string | null;
  readonly after: readonly MrapRegion[];
  readonly impact: FailoverImpact;
}

/**
 * What a failover away from `region` changes: it goes passive; if it was the only active Region, the
 * passive Region closest to `near` (the simulated client) becomes active, as the Failover control
 * swaps an active/passive pair. Undefined when there is nothing to fail over to.
 */
export function failoverPreview(regions: readonly MrapRegion[], region: string, near: { lat: number; lon: number }, options: Pick<SimulationInput, 'failOpen'> = {}): FailoverPreview | undefined {
  const target = regions.find((r) => r.region === region);
  if (!target || target.state !== 'active') return undefined;
  const otherActive = regions.some((r) => r.region !== region && r.state === 'active');
  let promoted: string | null = null;
  if (!otherActive) {
    const from = { kind: 'point' as const, label: '', lat: near.lat, lon: near.lon };
    const passive = simulate({ name: '', regions, from }).candidates.find((c) => c.state === 'passive');
    if (!passive) return undefined;
    promoted = passive.region;
  }
  const after = regions.map((r): MrapRegion => (r.region === region ? { ...r, state: 'passive' } : r.region === promoted ? { ...r, state: 'active' } : r));
  return { region, promoted, after, impact: failoverImpact(regions, after, options) };
}

/** Plain lines for a failover preview: where the moved clients go, grouped by destination. */
export function describeFailover(p: FailoverPreview): string[] {
  const how = p.promoted ? `${p.region} set passive, ${p.promoted} set active: the Failover control swaps the pair` : `${p.region} set passive`;
  const lines = [`After a failover (${how}), new connections follow about 2 minutes later; existing connections stay until they finish.`];
  const byDestination = new Map<string, string[]>();
  for (const m of p.impact.moves) {
    const key = m.to ?? 'nothing (requests fail)';
    byDestination.set(key, [...(byDestination.get(key) ?? []), m.city]);
  }
  for (const [to, cities] of byDestination) lines.push(`${cities.length} edge location${cities.length === 1 ? '' : 's'} move to ${to}: ${cities.join(', ')}.`);
  if (p.impact.moves.length === 0) lines.push('No edge location changes Region.');
  lines.push(`${p.impact.unchanged} of ${p.impact.unchanged + p.impact.moves.length} edge locations keep their Region.`);
  return lines;
}
