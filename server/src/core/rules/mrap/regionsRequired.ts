import { alternatives, entry } from '../../model/access';
import type { ArrayNode, Resource, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule, RuleContext } from '../types';
import { MRAP_TYPE, canFix, missingPropertySpan, propertiesUnknown, removeItem } from './shared';

/** A value with spans, quoting and intrinsic style dropped, for "same item" comparisons. */
function canonical(node: ValueNode): string {
  switch (node.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${node.items.map(canonical).join(',')}]`;
    case 'object':
      return `{${[...node.entries].sort((a, b) => a.key.localeCompare(b.key)).map((e) => `${JSON.stringify(e.key)}:${canonical(e.value)}`).join(',')}}`;
    case 'intrinsic':
      return `{${JSON.stringify(node.fn)}:${canonical(node.arg)}}`;
    default:
      return `?${node.span.start}`;
  }
}

function checkDuplicates(ctx: RuleContext, mrap: Resource, regions: ArrayNode): void {
  const seen = new Map<string, ValueNode>();
  regions.items.forEach((item, index) => {
    // Items that are unknown or Fn::If can only be compared branch by branch: leave them.
    if (item.kind === 'unknown' || (item.kind === 'intrinsic' && item.fn === 'Fn::If')) return;
    const key = canonical(item);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, item);
      return;
    }
    const removal = canFix(ctx.template) ? removeItem(ctx.text, regions, index) : undefined;
    ctx.report({
      message: `MRAP '${mrap.logicalId}' lists the same Regions entry twice: Regions items must be unique (and an MRAP has one bucket per Region).`,
      span: item.span,
      related: [{ message: 'first listed here', span: first.span }],
      fixes: removal ? [{ title: 'Remove the duplicate entry', edits: [removal], preferred: true, fixAll: true }] : undefined,
    });
  });
}

export const regionsRequired: Rule = {
  id: 'mrap/regions-required',
  catalogue: 'M2',
  severity: 'error',
  scope: 'resource',
  title: 'A Multi-Region Access Point needs a non-empty, duplicate-free Regions list',
  docs:
    '`Regions` is the only required property of AWS::S3::MultiRegionAccessPoint: a list of at least one `{Bucket, BucketAccountId?}` entry, each unique. CloudFormation rejects a missing or empty list and duplicate entries. The Region of each entry is not written: S3 takes it from where the bucket lives. List one bucket per Region; buckets cannot be added or removed later (a change replaces the MRAP).',
  sources: [AWS_DOCS.cfnMrap, AWS_DOCS.mrapBuckets],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      const regions = entry(mrap.properties, 'Regions');
      if (!regions) {
        // mrap/unknown-property already explains `regions`, `Region` or an API-style `Details` wrapper.
        if (propertiesUnknown(mrap) || mrap.properties?.entries.some((e) => /^(regions?|details|buckets)$/i.test(e.key))) continue;
        ctx.report({ message: `MRAP '${mrap.logicalId}' has no Regions: list at least one bucket, e.g. 'Regions: [{Bucket: !Ref MyBucket}]'.`, span: mrap.properties ? missingPropertySpan(mrap) : mrap.idSpan });
        continue;
      }
      for (const alt of alternatives(regions.value)) {
        if (alt.kind === 'array') {
          if (alt.items.length === 0) ctx.report({ message: `MRAP '${mrap.logicalId}' has an empty Regions list: list at least one bucket.`, span: alt.span });
          else checkDuplicates(ctx, mrap, alt);
        } else if (alt.kind === 'object' || alt.kind === 'string' || alt.kind === 'number' || alt.kind === 'boolean' || alt.kind === 'null') {
          ctx.report({ message: `MRAP '${mrap.logicalId}': Regions must be a list of {Bucket, BucketAccountId} entries, not a single ${alt.kind === 'object' ? 'object' : 'value'}.`, span: alt.span });
        }
      }
    }
  },
};
