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
