/**
 * The argument forms of `s3mrap.simulateRouting` (pure, no vscode import). Everything a caller leaves out
 * is asked for: the file (active editor), the MRAP (quick pick when the file has several), the client
 * location (input box).
 */
import type { MrapRegion, RegionState } from '../../../server/src/core/routing';

/** A live MRAP as the explorer sends it (client/src/explorer/nodes.ts `SimulationInput`). */
export interface LiveMrap {
  readonly name: string;
  readonly regions: readonly { readonly bucket: string; readonly region?: string | undefined; readonly state: string }[];
}

export type SimulateArgs<U> =
  /** A template MRAP: `uri` (default: the active editor), `mrap` = logical id or `Name` (default: ask). */
  | { readonly kind: 'template'; readonly uri?: U | undefined; readonly mrap?: string | undefined; readonly from?: string | undefined }
  | { readonly kind: 'live'; readonly mrap: LiveMrap; readonly from?: string | undefined };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optionalString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

function isLiveMrap(v: unknown): v is LiveMrap {
  return isObject(v) && typeof v.name === 'string' && Array.isArray(v.regions) && v.regions.every((r) => isObject(r) && typeof r.bucket === 'string');
}

/**
 * Reads the command's arguments: nothing (palette), `(uri, logicalId)` (CodeLens), `({ uri, mrap, from })`
 * (callers and tests), or the explorer's live MRAP `({ name, regions }, from?)` / `({ name, regions, from })`.
 * `asUri` turns a Uri or a URI string into the caller's Uri type (undefined for anything else).
 */
export function readSimulateArgs<U>(args: readonly unknown[], asUri: (v: unknown) => U | undefined): SimulateArgs<U> | string {
  const [first, second] = args;
  if (first === undefined || first === null) return { kind: 'template' };
  const firstUri = asUri(first);
  if (firstUri !== undefined) return { kind: 'template', uri: firstUri, mrap: optionalString(second) };
  if (isLiveMrap(first)) return { kind: 'live', mrap: first, from: optionalString((first as { from?: unknown }).from) ?? optionalString(second) };
  if (isObject(first) && (first.uri !== undefined || first.mrap !== undefined || first.from !== undefined)) {
    if (isLiveMrap(first.mrap)) return { kind: 'live', mrap: first.mrap, from: optionalString(first.from) };
    const uri = first.uri === undefined ? undefined : asUri(first.uri);
    if (first.uri !== undefined && uri === undefined) return 'uri must be a Uri or a URI string';
    if (first.mrap !== undefined && typeof first.mrap !== 'string') return 'mrap must be a logical id or a name';
    return { kind: 'template', uri, mrap: optionalString(first.mrap), from: optionalString(first.from) };
  }
  return 'expected a file (uri), { uri, mrap, from } or a Multi-Region Access Point { name, regions }';
}

/** A live MRAP's Regions for the panel; an unknown routing state (routes unreadable) counts as active. */
export function liveRegions(mrap: LiveMrap): { regions: MrapRegion[]; unknown: string[] } {
  const regions: MrapRegion[] = [];
  const unknown: string[] = [];
  for (const r of mrap.regions) {
    if (!r.region) unknown.push(r.bucket);
    else regions.push({ region: r.region, bucket: r.bucket, state: (r.state === 'passive' || r.state === 'down' ? r.state : 'active') as RegionState });
  }
  return { regions, unknown };
}
