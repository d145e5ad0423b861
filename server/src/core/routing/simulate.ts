import { regionByCode, type AwsRegion } from './geo';
import { accessFor, backboneEstimate, basisOf, DEFAULT_LAST_MILE_MS, regionToRegionEstimate, type Estimate, type EstimateMethod } from './latency';
import type { ClientLocation } from './location';
import { notFoundRisk, type NotFoundRisk, type ReplicationInput } from './notFoundRisk';

/**
 * `active`: routing dial 100. `passive`: dial 0, receives no new traffic. `down`: configured active but
 * unavailable (an outage); a failover means setting a passive Region active.
 */
export type RegionState = 'active' | 'passive' | 'down';

export interface MrapRegion {
  readonly region: string;
  readonly bucket: string;
  readonly state: RegionState;
}

export interface SimulationInput {
  readonly name: string;
  readonly regions: readonly MrapRegion[];
  readonly from: ClientLocation;
  /**
   * GA-style fail-open (inferred from generic Global Accelerator behaviour, not documented for MRAP):
   * when no active Region is healthy, route to a healthy passive Region among the three closest.
   */
  readonly failOpen?: boolean;
  readonly lastMileMs?: number;
  readonly replication?: ReplicationInput;
}

export interface Candidate {
  readonly region: string;
  readonly bucket: string;
  readonly state: RegionState;
  /** Client -> Region RTT in ms (access + backbone, or the Region-to-Region value for clients in a Region). */
  readonly rttMs: number;
  readonly backboneMs: number;
  readonly basis: 'measured' | 'estimated';
  readonly method: EstimateMethod;
  readonly km: number;
}

export interface Ingress {
  readonly code: string;
  readonly city: string;
  readonly lat: number;
  readonly lon: number;
  readonly km: number;
  readonly accessMs: number;
  /** The client is inside an AWS Region: no edge, the traffic is on the AWS network already. */
  readonly inRegion: boolean;
}

export interface Simulation {
  readonly name: string;
  readonly from: { readonly label: string; readonly lat: number; readonly lon: number; readonly region?: string };
  readonly ingress: Ingress;
  readonly outcome: 'routed' | 'failed';
  readonly chosen: Candidate | null;
  /** Routed by the labelled GA-style fail-open option rather than documented MRAP behaviour. */
  readonly viaFailOpen: boolean;
  /** Why nothing serves the request (outcome `failed`). */
  readonly failure: string | null;
  /** Where new connections go if the chosen Region goes passive or down. */
  readonly nextChoice: Candidate | null;
  /** Every Region of the MRAP, closest first. */
  readonly candidates: readonly Candidate[];
  readonly notFoundRisk: NotFoundRisk | null;
  readonly explanation: readonly string[];
  /** Caveats that hold for every simulation (per-connection routing, anycast, unknowns). */
  readonly notes: readonly string[];
}

export class RoutingInputError extends Error {}

export const MAX_MRAP_REGIONS = 17;
const FAIL_OPEN_GROUPS = 3;

export function validateRegions(regions: readonly MrapRegion[]): AwsRegion[] {
  if (regions.length === 0) throw new RoutingInputError('the Multi-Region Access Point has no Regions');
  if (regions.length > MAX_MRAP_REGIONS) throw new RoutingInputError(`a Multi-Region Access Point has at most ${MAX_MRAP_REGIONS} Regions (got ${regions.length})`);
  const seen = new Set<string>();
  const out: AwsRegion[] = [];
  for (const r of regions) {
    const region = regionByCode(r.region);
    if (!region) throw new RoutingInputError(`unknown AWS Region '${r.region}' (bucket ${r.bucket})`);
    if (seen.has(r.region)) throw new RoutingInputError(`Region ${r.region} appears twice: a Multi-Region Access Point has one bucket per Region`);
    seen.add(r.region);
    out.push(region);
  }
  if (regions.every((r) => r.state === 'passive')) {
    throw new RoutingInputError('every Region is passive: AWS rejects this routing configuration (InvalidRequest); at least one Region must be active');
  }
  return out;
}

export function simulate(input: SimulationInput): Simulation {
  const regions = validateRegions(input.regions);
  const from = input.from;
  const lastMile = input.lastMileMs ?? DEFAULT_LAST_MILE_MS;
  const access = from.kind === 'region' ? undefined : accessFor(from, lastMile);
  const ingress: Ingress =
    from.kind === 'region'
      ? { code: from.region.code, city: from.region.city, lat: from.region.lat, lon: from.region.lon, km: 0, accessMs: 0, inRegion: true }
      : { code: access?.edge.code ?? '', city: access?.edge.city ?? '', lat: access?.edge.lat ?? 0, lon: access?.edge.lon ?? 0, km: access?.km ?? 0, accessMs: access?.ms ?? 0, inRegion: false };

  const candidates = input.regions
    .map((r, i): Candidate => {
      const target = regions[i] as AwsRegion;
      const est: Estimate = from.kind === 'region' ? regionToRegionEstimate(from.region, target) : backboneEstimate(ingress, target);
      return { region: r.region, bucket: r.bucket, state: r.state, rttMs: ingress.accessMs + est.ms, backboneMs: est.ms, basis: basisOf(est.method), method: est.method, km: est.km };
    })
    .sort((a, b) => a.rttMs - b.rttMs || a.region.localeCompare(b.region));

  const active = candidates.filter((c) => c.state === 'active');
  const explanation: string[] = [describeClient(input.from), describeIngress(ingress, lastMile)];
  candidates.forEach((c, i) => explanation.push(`Candidate ${i + 1}: ${describeCandidate(c, ingress)}`));

  let chosen: Candidate | null = null;
  let failure: string | null = null;
  let viaFailOpen = false;
  const [closestActive] = active;
  if (closestActive) {
    chosen = closestActive;
    const skipped = candidates.filter((c) => c.rttMs < closestActive.rttMs && c.state !== 'active');
    for (const s of skipped) explanation.push(`Skipped ${s.region}: ${s.state === 'passive' ? 'passive (routing dial 0), it receives no new traffic' : 'down, the health checks take it out of routing'}.`);
    explanation.push(`Routed to ${chosen.region} (bucket ${chosen.bucket}): the closest active Region, ≈${ms(chosen.rttMs)} ms.`);
  } else if (candidates.every((c) => c.state === 'down')) {
    failure = 'every Region is down: requests fail (timeouts or 5xx) until a Region recovers';
    explanation.push(`Not routed: ${failure}.`);
  } else if (!input.failOpen) {
    const passive = candidates.filter((c) => c.state === 'passive').map((c) => c.region);
    failure = `every active Region is down and passive Regions receive no traffic: requests fail until someone fails over (sets ${passive.join(' or ')} active; traffic moves about 2 minutes later)`;
    explanation.push(`Not routed: ${failure}.`);
    explanation.push('AWS does not document this case for MRAP; the fail-open option shows generic Global Accelerator behaviour instead.');
  } else {
    const groups = candidates.slice(0, FAIL_OPEN_GROUPS);
    const healthy = groups.find((c) => c.state === 'passive');
    const closest = candidates[0];
    if (healthy) {
      chosen = healthy;
      viaFailOpen = true;
      explanation.push(`Fail-open (inferred from generic Global Accelerator behaviour, not documented for MRAP): no active Region is healthy, so the traffic dial is ignored and the first healthy Region among the ${groups.length} closest takes the traffic.`);
      explanation.push(`Routed to ${healthy.region} (bucket ${healthy.bucket}), passive but healthy, ≈${ms(healthy.rttMs)} ms.`);
    } else {
      failure = `no healthy Region among the ${groups.length} closest; Global Accelerator fails open to the closest one (${closest?.region ?? '?'}), which is down: requests fail`;
      explanation.push(`Not routed (fail-open, inferred from generic Global Accelerator behaviour): ${failure}.`);
    }
  }

  const nextChoice = chosen ? (candidates.find((c) => c !== chosen && c.state === 'active') ?? null) : null;
  if (chosen && !viaFailOpen) {
    explanation.push(
      nextChoice
        ? `If ${chosen.region} goes passive or down, new connections go to ${nextChoice.region} (≈${ms(nextChoice.rttMs)} ms) about 2 minutes after the change; existing connections stay on ${chosen.region} until they finish.`
        : `${chosen.region} is the only active Region: if it goes passive or down, requests fail until another Region is set active (about 2 minutes).`,
    );
  }
  const risk = chosen ? notFoundRisk(chosen.region, input.regions.map((r) => r.region), input.replication) : null;
  if (risk) explanation.push(`404 risk (${risk.level}): ${risk.message}.`);
  for (const r of regions) if (!r.mrapSupported) explanation.push(`Note: ${r.code} is not listed as supported for Multi-Region Access Points in the documentation this tool uses.`);

  return {
    name: input.name,
    from: from.kind === 'region' ? { label: from.label, lat: from.lat, lon: from.lon, region: from.region.code } : { label: from.label, lat: from.lat, lon: from.lon },
    ingress,
    outcome: chosen ? 'routed' : 'failed',
    chosen,
    viaFailOpen,
    failure,
    nextChoice,
    candidates,
    notFoundRisk: risk,
    explanation,
    notes: NOTES,
  };
}

const NOTES: readonly string[] = [
  'Routing is decided per TCP connection, not per request: kept-alive and pooled connections keep using their Region, and routing changes affect only new connections.',
  'Anycast usually, but not always, enters at the nearest edge (about 20 % of clients reach a farther one in studies of anycast CDNs).',
  'Estimates: typically within -15 % .. +35 % (±20 ms below about 100 ms); the Region choice is reliable when candidates differ by more than about 20 %.',
  'Time to first byte on a new connection is about 4 × RTT (TCP, TLS 1.2, request) plus S3 service time; on a reused connection about 1 × RTT.',
];

export function ms(value: number): string {
  return String(Math.round(value));
}

export function km(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function describeClient(from: ClientLocation): string {
  if (from.kind === 'region') return `Client inside AWS Region ${from.region.code} (${from.region.city}): its traffic is already on the AWS network, so Region-to-Region medians apply directly.`;
  return `Client at ${from.label} (${from.lat.toFixed(2)}, ${from.lon.toFixed(2)}).`;
}

function describeIngress(ingress: Ingress, lastMile: number): string {
  if (ingress.inRegion) return `No edge: the connection starts inside ${ingress.code}.`;
  return `Enters the AWS network at the nearest edge, ${ingress.code} (${ingress.city}), ${km(ingress.km)} km away: access ≈${ms(ingress.accessMs)} ms including ${ms(lastMile)} ms last mile.`;
}

function describeCandidate(c: Candidate, ingress: Ingress): string {
  const head = `${c.region} (bucket ${c.bucket}, ${c.state}): ≈${ms(c.rttMs)} ms`;
  const sum = ingress.inRegion ? '' : ` = access ${ms(ingress.accessMs)} + backbone ${ms(c.backboneMs)}`;
  return `${head}${sum}; ${describeMethod(c.method, c.region)}.`;
}

function describeMethod(m: EstimateMethod, target: string): string {
  switch (m.kind) {
    case 'measured':
      return `measured median ${m.from}→${target}`;
    case 'anchor':
      return `via anchor ${m.anchor}: ${km(m.anchorKm)} km ≈${ms(m.anchorMs)} ms + measured median ${m.anchor}→${target} ${ms(m.measuredMs)} ms`;
    case 'distance':
      return `distance model, ${km(m.km)} km with the calibrated path inflation${m.reason === 'no-measurements' ? ' (no measured medians for this Region)' : ''}`;
    case 'floor':
      return `raised to the speed of light in fibre over ${km(m.km)} km`;
  }
}
