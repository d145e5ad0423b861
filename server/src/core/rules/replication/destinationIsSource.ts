import { entry } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { destinationResource } from './destinationAccount';
import { destinationSites } from './replicationWalk';

export const destinationIsSource: Rule = {
  id: 'replication/destination-is-source',
  catalogue: 'R27',
  severity: 'warning',
  title: 'A replication rule must not replicate a bucket into itself',
  docs:
    'A replication destination is another bucket, in the same Region (SRR) or another one (CRR). Pointing `Destination.Bucket` at the source bucket itself replicates nothing useful (S3 does not re-replicate replicas, and the intent is almost always a copy elsewhere); it is usually a copy-paste slip such as `!GetAtt Source.Arn` instead of `!GetAtt Destination.Arn`. Point the rule at the intended destination bucket.',
  sources: [AWS_DOCS.replicationAddConfig, AWS_DOCS.cfnReplicationDestination],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      if (destinationResource(ctx.template, site) !== site.bucket) continue;
      const bucket = entry(site.destination, 'Bucket');
      if (!bucket) continue;
      ctx.report({
        message: `Bucket '${site.bucket.logicalId}' replicates into itself: Destination.Bucket names the source bucket. Point it at the destination bucket.`,
        span: bucket.value.span,
      });
    }
  },
};
