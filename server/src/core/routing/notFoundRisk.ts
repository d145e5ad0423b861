/**
 * The 404 risk: MRAP routes by proximity and "does not consider the name of the object", so a GET can
 * reach a bucket that never received the object (written through another Region) unless replication
 * copies it there. Replication is asynchronous, so even with it a GET soon after a PUT elsewhere can 404.
 */

/** Objects written to the bucket in Region `from` are copied to the bucket in Region `to`. */
export interface ReplicationLink {
  readonly from: string;
  readonly to: string;
  /** The rule has a prefix or tag filter: only some objects are copied. */
  readonly filtered?: boolean;
}

/**
 * What is known about replication between the MRAP's buckets: a summary, or the links that exist
 * (`unknownFrom` lists Regions whose bucket's replication rules are not visible, e.g. defined elsewhere).
 */
export type ReplicationInput =
  | 'none'
  | 'partial'
  | 'full'
  | { readonly links: readonly ReplicationLink[]; readonly unknownFrom?: readonly string[] };

export type NotFoundRiskLevel = 'none' | 'lag' | 'partial' | 'missing' | 'unknown';

export interface NotFoundRisk {
  readonly level: NotFoundRiskLevel;
  /** Regions whose writes may never reach the chosen bucket (level `missing`/`partial`/`unknown`). */
  readonly regions: readonly string[];
  readonly message: string;
}

const LAG =
  'replication is asynchronous (usually seconds to minutes; S3 Replication Time Control targets 99.99 % within 15 minutes), so a GET soon after a PUT through another Region can still return 404; objects that existed before the rule need S3 Batch Replication';

/** The 404 risk for GETs routed to `chosen`, given the MRAP's Regions and the replication between them. */
export function notFoundRisk(chosen: string, mrapRegions: readonly string[], replication: ReplicationInput | undefined): NotFoundRisk {
  const others = mrapRegions.filter((r) => r !== chosen);
  if (others.length === 0) return { level: 'none', regions: [], message: 'one bucket only: every request reaches the same bucket, no 404 risk from routing' };
  if (replication === undefined) return { level: 'unknown', regions: others, message: `replication into ${chosen} is unknown: objects written through ${others.join(', ')} may be missing there (404)` };
  if (replication === 'full') return { level: 'lag', regions: [], message: `every bucket replicates to every other one, but ${LAG}` };
  if (replication === 'none') return { level: 'missing', regions: others, message: `no replication: objects written through ${others.join(', ')} never reach the ${chosen} bucket, so GETs routed to ${chosen} return 404 for them` };
  if (replication === 'partial') return { level: 'partial', regions: others, message: `replication is only partial: some objects written through ${others.join(', ')} may never reach the ${chosen} bucket (404)` };
  const missing: string[] = [];
  const filtered: string[] = [];
  const unknown: string[] = [];
  for (const from of others) {
    const links = replication.links.filter((l) => l.from === from && l.to === chosen);
    if (links.some((l) => !l.filtered)) continue;
    if (links.length > 0) filtered.push(from);
    else if (replication.unknownFrom?.includes(from)) unknown.push(from);
    else missing.push(from);
  }
  if (missing.length > 0) {
    const also = filtered.length + unknown.length > 0 ? ` (and possibly from ${[...filtered, ...unknown].join(', ')})` : '';
    return { level: 'missing', regions: missing, message: `nothing replicates ${missing.join(', ')} -> ${chosen}: objects written through ${missing.join(', ')} never reach the ${chosen} bucket, so GETs routed there return 404 for them${also}` };
  }
  if (filtered.length > 0) return { level: 'partial', regions: filtered, message: `replication ${filtered.join(', ')} -> ${chosen} has a filter: objects outside it never reach the ${chosen} bucket (404); and ${LAG}` };
  if (unknown.length > 0) return { level: 'unknown', regions: unknown, message: `replication ${unknown.join(', ')} -> ${chosen} is not visible here: if it is missing, GETs routed to ${chosen} return 404 for objects written through ${unknown.length > 1 ? 'those Regions' : 'it'}` };
  return { level: 'lag', regions: [], message: `every other bucket replicates to ${chosen}, but ${LAG}` };
}
