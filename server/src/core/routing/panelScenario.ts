import type { ReplicationInput } from './notFoundRisk';
import type { MrapRegion, RegionState } from './simulate';

/**
 * A simulation as the panel shows it: the extension host sends it (postMessage or the page's JSON data
 * block), the webview saves it for reloads. Shared by both sides, so both read it the same way.
 */
export interface Scenario {
  name: string;
  regions: MrapRegion[];
  from: string;
  failOpen: boolean;
  lastMileMs?: number | undefined;
  replication?: ReplicationInput | undefined;
}

const STATES: readonly RegionState[] = ['active', 'passive', 'down'];

export function nextState(state: RegionState): RegionState {
  return STATES[(STATES.indexOf(state) + 1) % STATES.length] ?? 'active';
}

/** Checks untrusted input (the host relays names from AWS and from files): shape only, never markup. */
export function parseScenario(value: unknown): Scenario | string {
  if (!value || typeof value !== 'object') return 'the scenario is not an object';
  const v = value as Record<string, unknown>;
  if (typeof v.name !== 'string') return 'the scenario has no MRAP name';
  if (!Array.isArray(v.regions)) return 'the scenario has no Regions';
  const regions: MrapRegion[] = [];
  for (const r of v.regions as unknown[]) {
    const o = (r ?? {}) as Record<string, unknown>;
    if (typeof o.region !== 'string' || typeof o.bucket !== 'string') return 'every Region needs a region code and a bucket name';
    const state = STATES.find((s) => s === o.state) ?? 'active';
    regions.push({ region: o.region, bucket: o.bucket, state });
  }
  const replication = v.replication === 'none' || v.replication === 'partial' || v.replication === 'full' ? v.replication : isLinks(v.replication) ? v.replication : undefined;
  return {
    name: v.name,
    regions,
    from: typeof v.from === 'string' ? v.from : 'Frankfurt',
    failOpen: v.failOpen === true,
    lastMileMs: typeof v.lastMileMs === 'number' && Number.isFinite(v.lastMileMs) ? v.lastMileMs : undefined,
    replication,
  };
}

function isLinks(value: unknown): value is Exclude<ReplicationInput, string> {
  if (!value || typeof value !== 'object') return false;
  const links = (value as { links?: unknown }).links;
  return Array.isArray(links) && links.every((l) => l && typeof (l as { from?: unknown }).from === 'string' && typeof (l as { to?: unknown }).to === 'string');
}
