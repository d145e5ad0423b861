import { entry, objects, prop, str } from '../../model/access';
import { bucketOf } from '../../model/references';
import type { Resource, ValueNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import { insertProperty, replaceScalar } from '../edits';
import type { Fix, Rule, RuleContext } from '../types';
import { canEdit } from './replicationEdits';
import { destinationBuckets, replicationConfigs, ruleObjects } from './replicationRuleSets';

export const destinationVersioningRequired: Rule = {
  id: 'replication/destination-versioning-required',
  catalogue: 'R3',
  severity: 'error',
  title: 'A replication destination bucket must have versioning enabled',
  docs:
    'S3 requires versioning to be enabled on the destination bucket as well as on the source. When the destination bucket is defined in the same template without `VersioningConfiguration.Status: Enabled` (missing or `Suspended`), S3 rejects the replication configuration and the stack fails. Enable versioning on the destination bucket.',
  sources: [AWS_DOCS.replicationRequirements, AWS_DOCS.cfnReplicationDestination],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      if (rc.bucket.synthetic) continue;
      for (const rule of ruleObjects(rc.config)) {
        for (const value of destinationBuckets(rule)) {
          const target = bucketOf(ctx.template, value);
          const dest = target.kind === 'resource' ? target.resource : target.kind === 'literal' ? target.resource : undefined;
          // The source itself is R2's business (and R27's).
          if (!dest || dest === rc.bucket || dest.synthetic) continue;
          checkDestination(ctx, rc.bucket, dest, value);
        }
      }
    }
  },
};

function checkDestination(ctx: RuleContext, source: Resource, dest: Resource, value: ValueNode): void {
  const related = [{ message: `Destination bucket '${dest.logicalId}' is defined here.`, span: dest.idSpan }];
  const versioning = entry(dest.properties, 'VersioningConfiguration');
  if (!versioning) {
    const edit = !canEdit(ctx)
      ? undefined
      : dest.properties
        ? insertProperty(ctx.template, ctx.text, dest.properties, 'VersioningConfiguration', { Status: 'Enabled' })
        : insertProperty(ctx.template, ctx.text, dest.body, 'Properties', { VersioningConfiguration: { Status: 'Enabled' } });
    const fixes: Fix[] | undefined = edit ? [{ title: `Enable versioning on bucket '${dest.logicalId}'`, edits: [edit], preferred: true }] : undefined;
    ctx.report({
      message: `Bucket '${source.logicalId}' replicates to bucket '${dest.logicalId}', which has no VersioningConfiguration: S3 requires versioning 'Enabled' on the destination too.`,
      span: value.span,
      related,
      fixes,
    });
    return;
  }
  for (const cfg of objects(versioning.value)) {
    const status = prop(cfg, 'Status');
    const text = str(status);
    if (text === 'Enabled' || (status !== undefined && text === undefined)) continue;
    const fixes: Fix[] | undefined = status && canEdit(ctx) ? [{ title: `Set versioning Status to 'Enabled' on bucket '${dest.logicalId}'`, edits: [replaceScalar(ctx.text, status.span, 'Enabled')], preferred: true }] : undefined;
    ctx.report({
      message: `Bucket '${source.logicalId}' replicates to bucket '${dest.logicalId}', whose versioning is ${text === undefined ? 'not set' : `'${text}'`}: S3 requires 'Enabled' on the destination too.`,
      span: value.span,
      related: [{ message: `Versioning of destination bucket '${dest.logicalId}'.`, span: status?.span ?? versioning.keySpan }],
      fixes,
    });
  }
}
