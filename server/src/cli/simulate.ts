import * as fs from 'node:fs';
import { parseSource } from '../core';
import { describeFailover, failoverPreview, mrapsFromTemplate, regionByCode, resolveLocation, RoutingInputError, simulate, type MrapRegion, type RegionState, type Simulation, type TemplateMrap } from '../core/routing';
import type { Io } from './io';

export const SIMULATE_USAGE = `usage: s3mrap simulate <file> --from <city | lat,lon | region> [--mrap <logical id or name>]
         [--passive r1,r2] [--down r1,r2] [--fail-open] [--region-of bucket=region ...]
         [--region <stack region>] [--last-mile <ms>] [--format text|json]

Estimates which Region an S3 Multi-Region Access Point routes a client's new connections to.
  --from        an AWS edge city (Frankfurt, "Sao Paulo"; any unambiguous prefix), lat,lon, or a Region code
                for a client running inside AWS
  --passive     Regions whose routing dial is 0 (no new traffic); all others are active
  --down        Regions with an outage (configured active, unavailable)
  --fail-open   when no active Region is healthy, use generic Global Accelerator fail-open (inferred,
                not documented for MRAP) instead of failing until someone fails over
  --region-of   the Region of a bucket whose Region the file does not tell (repeatable)
  --region      the Region the template's own buckets deploy to
  --last-mile   client last-mile RTT in ms (default 10)
Exit status: 0 simulated (whether routed or failed), 2 usage, input or I/O problem.`;

interface SimulateOptions {
  file?: string;
  mrap?: string;
  from?: string;
  passive: string[];
  down: string[];
  failOpen: boolean;
  regionOf: Record<string, string>;
  stackRegion?: string;
  lastMileMs?: number;
  format: 'text' | 'json';
}

class UsageError extends Error {}

/** `s3mrap simulate`: 0 when a simulation ran (routed or failed outcome), 2 for usage, input or I/O problems. */
export function simulateCommand(args: string[], io: Io): number {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(SIMULATE_USAGE);
    return 0;
  }
  try {
    const opts = parseArgs(args);
    const sim = run(opts);
    io.out(opts.format === 'json' ? JSON.stringify(toJson(sim), null, 2) : toText(sim));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`s3mrap simulate: ${e.message}`);
      io.err(SIMULATE_USAGE);
      return 2;
    }
    if (e instanceof RoutingInputError || e instanceof InputError) {
      io.err(`s3mrap simulate: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

class InputError extends Error {}

function parseArgs(args: string[]): SimulateOptions {
  const opts: SimulateOptions = { passive: [], down: [], failOpen: false, regionOf: {}, format: 'text' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--from':
        opts.from = value();
        break;
      case '--mrap':
        opts.mrap = value();
        break;
      case '--passive':
        opts.passive.push(...regionList(value(), flag));
        break;
      case '--down':
        opts.down.push(...regionList(value(), flag));
        break;
      case '--fail-open':
        opts.failOpen = true;
        break;
      case '--region-of': {
        const v = value();
        const at = v.lastIndexOf('=');
        const region = v.slice(at + 1).trim().toLowerCase();
        if (at <= 0 || !regionByCode(region)) throw new UsageError(`--region-of wants bucket=region with a known Region code (got '${v}')`);
        opts.regionOf[v.slice(0, at).trim()] = region;
        break;
      }
      case '--region': {
        const region = value().toLowerCase();
        if (!regionByCode(region)) throw new UsageError(`unknown Region '${region}' for --region`);
        opts.stackRegion = region;
        break;
      }
      case '--last-mile': {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0 || v > 2000) throw new UsageError('--last-mile wants milliseconds between 0 and 2000');
        opts.lastMileMs = v;
        break;
      }
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError(`--format must be text or json (got '${v}')`);
        opts.format = v;
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option '${a}'`);
        if (opts.file) throw new UsageError('simulate takes one file');
        opts.file = a;
    }
  }
  if (!opts.file) throw new UsageError('simulate needs a template file');
  if (!opts.from) throw new UsageError('simulate needs --from <city | lat,lon | region>');
  const both = opts.passive.filter((r) => opts.down.includes(r));
  if (both.length) throw new UsageError(`${both.join(', ')} cannot be both passive and down`);
  return opts;
}

function regionList(value: string, flag: string): string[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const bad = list.filter((r) => !regionByCode(r));
  if (bad.length) throw new UsageError(`${flag}: unknown Region ${bad.map((b) => `'${b}'`).join(', ')}`);
  return list;
}

function run(opts: SimulateOptions): Simulation {
  const file = opts.file ?? '';
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read '${file}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const template = parseSource(text, { fileName: file, stackRegion: opts.stackRegion });
  if (!template) throw new InputError(`'${file}' is not a CloudFormation/SAM template, CDK app or AWS CLI input file`);
  const mrap = pickMrap(mrapsFromTemplate(template, opts.regionOf), opts.mrap, file);
  const unknown = mrap.regions.filter((r) => !r.region).map((r) => r.bucket);
  if (unknown.length) throw new InputError(`cannot tell the Region of bucket${unknown.length > 1 ? 's' : ''} ${unknown.map((b) => `'${b}'`).join(', ')}; use --region-of ${unknown[0]}=<region>`);
  const regions: MrapRegion[] = mrap.regions.map((r) => ({ region: r.region ?? '', bucket: r.bucket, state: stateOf(r.region ?? '', opts) }));
  const stray = [...opts.passive, ...opts.down].filter((code) => !regions.some((r) => r.region === code));
  if (stray.length) throw new InputError(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} not a Region of ${mrapLabel(mrap)} (${regions.map((r) => r.region).join(', ')})`);
  const where = resolveLocation(opts.from ?? '');
  if (!where.ok) throw new InputError(where.message);
  return simulate({ name: mrapLabel(mrap), regions, from: where.location, failOpen: opts.failOpen, lastMileMs: opts.lastMileMs, replication: mrap.replication });
}

function stateOf(region: string, opts: SimulateOptions): RegionState {
  if (opts.down.includes(region)) return 'down';
  return opts.passive.includes(region) ? 'passive' : 'active';
}

function mrapLabel(m: TemplateMrap): string {
  return m.name ?? m.logicalId;
}

function pickMrap(mraps: TemplateMrap[], wanted: string | undefined, file: string): TemplateMrap {
  const list = mraps.map((m) => (m.name ? `${m.logicalId} (${m.name})` : m.logicalId)).join(', ');
  if (mraps.length === 0) throw new InputError(`no AWS::S3::MultiRegionAccessPoint in '${file}'`);
  if (wanted === undefined) {
    const [only] = mraps;
    if (only && mraps.length === 1) return only;
    throw new InputError(`'${file}' has ${mraps.length} Multi-Region Access Points; pick one with --mrap: ${list}`);
  }
  const found = mraps.find((m) => m.logicalId === wanted) ?? mraps.find((m) => m.name === wanted);
  if (!found) throw new InputError(`no Multi-Region Access Point '${wanted}' in '${file}'; there is: ${list}`);
  return found;
}

function toJson(s: Simulation): unknown {
  const round = (x: number): number => Math.round(x);
  return {
    mrap: s.name,
    from: { label: s.from.label, lat: s.from.lat, lon: s.from.lon },
    ingress: { code: s.ingress.code, city: s.ingress.city, lat: s.ingress.lat, lon: s.ingress.lon },
    outcome: s.outcome,
    chosen: s.chosen ? { region: s.chosen.region, bucket: s.chosen.bucket, rttMs: round(s.chosen.rttMs) } : null,
    candidates: s.candidates.map((c) => ({ region: c.region, bucket: c.bucket, state: c.state, rttMs: round(c.rttMs), basis: c.basis })),
    explanation: s.explanation,
  };
}

function toText(s: Simulation): string {
  const lines = [`${s.name}: from ${s.from.label}${s.ingress.inRegion ? ', inside AWS' : ` via edge ${s.ingress.code} (${s.ingress.city})`}`];
  lines.push(s.chosen ? `=> routed to ${s.chosen.region} (bucket ${s.chosen.bucket}), ≈${Math.round(s.chosen.rttMs)} ms${s.viaFailOpen ? ' [GA-style fail-open, inferred]' : ''}` : `=> FAILED: ${s.failure ?? ''}`);
  lines.push('', `  ${'Region'.padEnd(16)}${'state'.padEnd(9)}${'RTT'.padStart(7)}  basis     bucket`);
  for (const c of s.candidates) {
    const mark = c === s.chosen ? '*' : ' ';
    lines.push(`${mark} ${c.region.padEnd(16)}${c.state.padEnd(9)}${`${Math.round(c.rttMs)} ms`.padStart(7)}  ${c.basis.padEnd(10)}${c.bucket}`);
  }
  lines.push('', 'Why:', ...s.explanation.map((e) => `  ${e}`));
  const preview = s.chosen && !s.viaFailOpen ? failoverPreview(s.candidates, s.chosen.region, s.from, { failOpen: s.viaFailOpen }) : undefined;
  if (preview) lines.push('', 'Failover:', ...describeFailover(preview).map((l) => `  ${l}`));
  lines.push('', 'Caveats:', ...s.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}
