import { bool, entry, isKnown } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { insertProperty, replaceScalar } from '../edits';
import type { Rule } from '../types';
import { destinationResource } from './destinationAccount';
import { destinationSites } from './replicationWalk';

export const objectLockDestination: Rule = {
  id: 'replication/object-lock-destination',
  catalogue: 'R28',
  severity: 'error',
  title: 'A source bucket with Object Lock needs Object Lock on every destination',
  docs:
    'S3 replication requirements: "If the source bucket has S3 Object Lock enabled, the destination buckets must also have S3 Object Lock enabled." A same-template destination bucket without `ObjectLockEnabled: true` makes the replication configuration fail. Enable Object Lock on the destination bucket (`ObjectLockEnabled: true`; this is set when the bucket is created, so CloudFormation may have to replace an existing bucket).',
  sources: [AWS_DOCS.replicationRequirements],
  check(ctx) {
    for (const site of destinationSites(ctx)) {
      if (site.bucket.synthetic || bool(entry(site.bucket.properties, 'ObjectLockEnabled')?.value) !== true) continue;
      const dest = destinationResource(ctx.template, site);
      if (!dest || dest === site.bucket) continue;
      const lock = entry(dest.properties, 'ObjectLockEnabled');
      // A computed value (parameter, condition) may be true: skip.
      if (lock && (!isKnown(lock.value) || bool(lock.value) !== false)) continue;
      const bucket = entry(site.destination, 'Bucket');
      const edit = lock ? replaceScalar(ctx.text, lock.value.span, 'true') : dest.properties ? insertProperty(ctx.template, ctx.text, dest.properties, 'ObjectLockEnabled', true) : undefined;
      ctx.report({
        message: `Bucket '${site.bucket.logicalId}' has Object Lock enabled, so its replication destination '${dest.logicalId}' must have ObjectLockEnabled: true too.`,
        span: bucket?.value.span ?? site.destinationEntry.keySpan,
        related: [{ message: `Destination bucket '${dest.logicalId}'`, span: lock?.value.span ?? dest.idSpan }],
        fixes: edit ? [{ title: `Enable Object Lock on '${dest.logicalId}'`, edits: [edit] }] : undefined,
      });
    }
  },
};
