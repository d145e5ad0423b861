import { bucketOf } from '../../model/references';
import type { Resource, Template, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { regionBuckets } from './regionBuckets';
import { MRAP_TYPE } from './shared';

/** The bucket of this template a Regions entry points at, by `!Ref`, `!GetAtt` or literal BucketName. */
export function templateBucket(template: Template, value: ValueNode): Resource | undefined {
  const ref = bucketOf(template, value);
  if (ref.kind === 'resource') return ref.resource;
  return ref.kind === 'literal' ? ref.resource : undefined;
}

/**
 * Where a bucket of this template lives: its own Region when the source says so (CDK apps with
 * several stacks), else the stack's Region (known or not, it is the same for every resource).
 */
function regionKey(template: Template, bucket: Resource): string | undefined {
  // In a CDK app, stacks of unknown Regions may differ: only buckets created by the same stack
  // (or the same construct class) are known to share one.
  if (template.dialect === 'cdk') return bucket.region ?? (bucket.scope !== undefined ? `(${bucket.scope})` : undefined);
  return bucket.region ?? template.stackRegion ?? '(the stack Region)';
}

export const oneBucketPerRegion: Rule = {
  id: 'mrap/one-bucket-per-region',
  catalogue: 'M7',
  severity: 'error',
  scope: 'resource',
  title: 'A Multi-Region Access Point has one bucket per Region',
  docs:
    'An MRAP holds at most one bucket in each Region. Every AWS::S3::Bucket of a CloudFormation template is created in the stack\'s Region, so two Regions entries that point at buckets of the same template put two buckets in one Region, and creating the MRAP fails. Create the other buckets in stacks of other Regions (for example with StackSets or one stack per Region) and list them by name, with BucketAccountId when another account owns them. In CDK apps, buckets of stacks with different `env.region` are compared by their own Regions.',
  sources: [AWS_DOCS.mrapBuckets, AWS_DOCS.mrapRestrictions],
  dialects: ['cfn', 'cdk'],
  check(ctx) {
    for (const mrap of ctx.resourcesOfType(MRAP_TYPE)) {
      const seen = new Map<string, { index: number; bucket: Resource; value: ValueNode }>();
      for (const site of regionBuckets(mrap)) {
        const bucket = templateBucket(ctx.template, site.value);
        if (!bucket) continue;
        // Mixed knowledge (one bucket with a Region, one without) cannot be compared.
        const region = regionKey(ctx.template, bucket);
        if (region === undefined) continue;
        const key = `${site.list.span.start}|${region}|${bucket.region === undefined}`;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { index: site.index, bucket, value: site.value });
          continue;
        }
        if (first.index === site.index) continue;
        const known = bucket.region ?? ctx.template.stackRegion;
        const same = first.bucket === bucket;
        // The very same entry written twice is mrap/regions-required's duplicate.
        if (same && ctx.text.slice(first.value.span.start, first.value.span.end) === ctx.text.slice(site.value.span.start, site.value.span.end)) continue;
        ctx.report({
          message: same
            ? `MRAP '${mrap.logicalId}' lists bucket '${bucket.logicalId}' twice: an MRAP has one bucket per Region.`
            : `MRAP '${mrap.logicalId}': buckets '${first.bucket.logicalId}' and '${bucket.logicalId}' are both created in ${known ?? "this stack's Region"}, but an MRAP has at most one bucket per Region. Put the other buckets in stacks of other Regions and list them by name.`,
          span: site.value.span,
          related: [{ message: `'${first.bucket.logicalId}' is already listed here`, span: first.value.span }],
        });
      }
    }
  },
};
