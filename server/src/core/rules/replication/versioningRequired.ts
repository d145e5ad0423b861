import { entry, objects, prop, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import { insertProperty, replaceScalar } from '../edits';
import type { Rule } from '../types';

export const versioningRequired: Rule = {
  id: 'replication/versioning-required',
  catalogue: 'R2',
  severity: 'error',
  scope: 'resource',
  title: 'A bucket with a replication configuration must have versioning enabled',
  docs:
    'S3 refuses a replication configuration on a bucket whose versioning is not enabled ("InvalidRequest: Versioning must be \'Enabled\' on the bucket to apply a replication configuration"), so the stack fails to create or update. A missing `VersioningConfiguration` means versioning is off; `Suspended` is not enough either. Set `VersioningConfiguration.Status: Enabled` on the source bucket.',
  sources: [AWS_DOCS.replicationRequirements, AWS_DOCS.cfnBucketReplication],
  check(ctx) {
    for (const bucket of ctx.resourcesOfType('AWS::S3::Bucket')) {
      if (bucket.synthetic || !bucket.properties) continue;
      const repl = entry(bucket.properties, 'ReplicationConfiguration');
      if (!repl || objects(repl.value).length === 0) continue;
      const versioning = entry(bucket.properties, 'VersioningConfiguration');
      if (!versioning) {
        const edit = insertProperty(ctx.template, ctx.text, bucket.properties, 'VersioningConfiguration', { Status: 'Enabled' });
        ctx.report({
          message: `Bucket '${bucket.logicalId}' replicates but has no VersioningConfiguration: S3 requires versioning 'Enabled' on the source bucket.`,
          span: repl.keySpan,
          fixes: edit ? [{ title: 'Enable versioning on this bucket', edits: [edit], preferred: true, fixAll: true }] : undefined,
        });
        continue;
      }
      for (const cfg of objects(versioning.value)) {
        const status = prop(cfg, 'Status');
        const value = str(status);
        if (value === undefined && status !== undefined) continue;
        if (value === 'Enabled') continue;
        const span = status?.span ?? versioning.keySpan;
        ctx.report({
          message: `Bucket '${bucket.logicalId}' replicates but its versioning is ${value === undefined ? 'not set' : `'${value}'`}: S3 requires 'Enabled' on the source bucket.`,
          span,
          fixes: status ? [{ title: "Set versioning Status to 'Enabled'", edits: [replaceScalar(ctx.text, status.span, 'Enabled')], preferred: true, fixAll: true }] : undefined,
        });
      }
    }
  },
};
