import { alternatives, entry, objectItems, objects } from '../../model/access';
import type { Entry, ObjectNode, Resource, Template } from '../../model/types';
import type { RuleContext } from '../types';

/**
 * Shared walk over replication configurations for the destination, IAM and rule-id rules (R16-R30).
 * Every `Fn::If` branch is visited on its own (the accessors expand them), so a rule sees each
 * alternative configuration, rule and destination separately.
 */
export interface ReplicationConfigSite {
  readonly bucket: Resource;
  readonly configEntry: Entry;
  readonly config: ObjectNode;
}

export interface ReplicationRuleSite extends ReplicationConfigSite {
  readonly rule: ObjectNode;
}

export interface DestinationSite extends ReplicationRuleSite {
  readonly destinationEntry: Entry;
  readonly destination: ObjectNode;
}

/** Many rules walk the same configurations: walk each template once (the model is immutable). */
function memo<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const cache = new WeakMap<Template, T>();
  return (ctx) => {
    let value = cache.get(ctx.template);
    if (value === undefined) {
      value = compute(ctx);
      cache.set(ctx.template, value);
    }
    return value;
  };
}

export const replicationConfigs = memo((ctx): readonly ReplicationConfigSite[] => {
  const out: ReplicationConfigSite[] = [];
  for (const bucket of ctx.resourcesOfType('AWS::S3::Bucket')) {
    const configEntry = entry(bucket.properties, 'ReplicationConfiguration');
    if (!configEntry) continue;
    for (const config of objects(configEntry.value)) out.push({ bucket, configEntry, config });
  }
  return out;
});

export const replicationRuleSites = memo((ctx): readonly ReplicationRuleSite[] =>
  replicationConfigs(ctx).flatMap((site) => objectItems(entry(site.config, 'Rules')?.value).map((rule) => ({ ...site, rule }))),
);

export const destinationSites = memo((ctx): readonly DestinationSite[] =>
  replicationRuleSites(ctx).flatMap((site) => {
    const destinationEntry = entry(site.rule, 'Destination');
    if (!destinationEntry) return [];
    return objects(destinationEntry.value).map((destination) => ({ ...site, destinationEntry, destination }));
  }),
);

/** "V2 rule" = the rule has `Filter` (even `Filter: {}`); "V1 rule" = it has none. */
export function isV2Rule(rule: ObjectNode): boolean {
  return entry(rule, 'Filter') !== undefined;
}

/** The entry for `key` when it is present with at least one real value (not only `!Ref AWS::NoValue`). */
export function presentEntry(node: ObjectNode | undefined, key: string): Entry | undefined {
  const e = entry(node, key);
  if (!e) return undefined;
  return alternatives(e.value).length > 0 ? e : undefined;
}

/** How messages name the source: the bucket's logical id, or the configuration itself for AWS CLI input. */
export function sourceLabel(bucket: Resource): string {
  return bucket.synthetic ? 'Replication configuration' : `Bucket '${bucket.logicalId}'`;
}
