import { alternatives, entry, objectItems, objects, path, str } from '../../model/access';
import { bucketOf } from '../../model/references';
import type { Resource, Template } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { templateBucket } from './oneBucketPerRegion';
import { regionBuckets } from './regionBuckets';
import { MRAP_TYPE } from './shared';

/**
 * The replication links of the template, as an undirected graph over bucket identities
 * (`res:<logicalId>` for buckets of the template, `name:<bucket>` for others). Undefined when
 * some replication destination cannot be known statically: then any two buckets might be linked.
 *
 * Decision (documented in the rule docs): two buckets count as replicated when they are linked
 * in either direction, directly or through other buckets. Replication is not symmetric, but this
 * rule only hints at the total absence of replication; it does not audit its direction.
 */
function replicationLinks(template: Template): Map<string, string> | undefined {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root) as string;
    // Full path compression: long replication chains (A->B->C->...) stay cheap.
    for (let node = x; node !== root; ) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  for (const bucket of template.resources) {
    if (bucket.type !== 'AWS::S3::Bucket') continue;
    const config = entry(bucket.properties, 'ReplicationConfiguration');
    if (!config) continue;
    const configs = objects(config.value);
    if (configs.length !== alternatives(config.value).length) return undefined;
    for (const cfg of configs) {
      for (const rule of objectItems(entry(cfg, 'Rules')?.value)) {
        if (str(entry(rule, 'Status')?.value) === 'Disabled') continue;
        for (const dest of alternatives(path(rule, 'Destination', 'Bucket'))) {
          const ref = bucketOf(template, dest);
          if (ref.kind === 'unknown') return undefined;
          const target = ref.kind === 'resource' ? `res:${ref.resource.logicalId}` : ref.resource ? `res:${ref.resource.logicalId}` : `name:${ref.name}`;
          parent.set(find(`res:${bucket.logicalId}`), find(target));
        }
      }
    }
  }
  return new Map([...parent.keys()].map((k) => [k, find(k)]));
}

export const bucketsNotReplicated: Rule = {
  id: 'mrap/buckets-not-replicated',
  catalogue: 'M14',
  severity: 'info',
  title: 'The buckets of a Multi-Region Access Point do not replicate to each other',
  docs:
    'An MRAP sends each request to the closest active bucket, and routing ignores object keys: a GET can land on a bucket that never received the object and return 404. AWS recommends S3 Replication between the buckets, ideally two-way with replica modification sync. This hint appears when at least two buckets of the MRAP are defined in this template and no replication rule links them, in either direction, directly or through other buckets; it stays quiet when a replication destination cannot be known (parameters, imports). Replication is not required: an MRAP over buckets that each hold their own data is valid.',
  sources: [AWS_DOCS.mrapRouting, AWS_DOCS.replicationAddConfig],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    const mraps = ctx.resourcesOfType(MRAP_TYPE);
    // The links are worked out only for an MRAP with two template buckets (many MRAPs have one).
    let links: Map<string, string> | undefined | null = null;
    for (const mrap of mraps) {
      // Buckets per Regions entry: the Fn::If branches of one entry are alternatives, never members together.
      const perEntry = new Map<string, Map<string, Resource>>();
      for (const site of regionBuckets(mrap)) {
        const bucket = templateBucket(ctx.template, site.value);
        if (!bucket) continue;
        const key = `${site.list.span.start}:${site.index}`;
        const set = perEntry.get(key) ?? new Map<string, Resource>();
        set.set(bucket.logicalId, bucket);
        perEntry.set(key, set);
      }
      if (perEntry.size < 2) continue;
      if (links === null) links = replicationLinks(ctx.template);
      // Some replication destination is not statically known: any two buckets might be linked.
      if (!links) return;
      const known = links;
      const entries = [...perEntry.entries()];
      const component = (id: string): string => known.get(`res:${id}`) ?? `res:${id}`;
      const buckets = new Map<string, Resource>();
      entries.forEach(([keyA, a], i) => {
        for (const [keyB, b] of entries.slice(i + 1)) {
          // Entries of different Regions lists (Fn::If over the whole list) are alternatives too.
          if (keyA.split(':')[0] !== keyB.split(':')[0]) continue;
          for (const [ida, ra] of a) {
            for (const [idb, rb] of b) {
              if (ida === idb || component(ida) === component(idb)) continue;
              buckets.set(ida, ra);
              buckets.set(idb, rb);
            }
          }
        }
      });
      if (buckets.size < 2) continue;
      const regions = entry(mrap.properties, 'Regions');
      const groups = new Map<string, string[]>();
      for (const id of buckets.keys()) groups.set(component(id), [...(groups.get(component(id)) ?? []), `'${id}'`]);
      const parts = [...groups.values()];
      const unlinked = parts.every((g) => g.length === 1)
        ? `its buckets ${parts.flat().join(', ')} have no replication between them`
        : `no replication links ${parts.map((g) => g.join(' and ')).join(' with ')}`;
      ctx.report({
        message: `MRAP '${mrap.logicalId}' routes each request to the closest active bucket whatever the object key, but ${unlinked}: a GET can reach a bucket without the object and return 404. Consider two-way S3 Replication between them.`,
        span: regions?.keySpan ?? mrap.idSpan,
        related: [...buckets.values()].map((b) => ({ message: `bucket '${b.logicalId}'`, span: b.idSpan })),
      });
    }
  },
};
