import { entry, objects } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Fix, Rule } from '../types';
import { canEdit, insertProperties } from './replicationEdits';
import { filterHasTags, replicationConfigs, ruleLabel, ruleObjects, ruleVersion, sourceLabel } from './replicationRuleSets';

export const deleteMarkerReplicationRequired: Rule = {
  id: 'replication/delete-marker-replication-required',
  catalogue: 'R10',
  severity: 'error',
  scope: 'resource',
  title: 'A replication rule with a Filter needs DeleteMarkerReplication',
  docs:
    'A rule with `Filter` uses the current (V2) replication schema, and S3 then requires `DeleteMarkerReplication` on the rule (and `Priority`). Without it S3 rejects the configuration. `DeleteMarkerReplication: {Status: Disabled}` is the safe default (deleting an object does not delete its replica); `Enabled` replicates delete markers, which S3 refuses for tag-based filters.',
  sources: [AWS_DOCS.cfnReplicationRule, AWS_DOCS.apiPutBucketReplication, AWS_DOCS.replicationDeleteMarkers],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        if (ruleVersion(rule) !== 'v2' || entry(rule, 'DeleteMarkerReplication')) continue;
        const filter = entry(rule, 'Filter');
        if (!filter) continue;
        const fixes: Fix[] = [];
        const editable = canEdit(ctx) || ctx.template.dialect === 'cdk';
        const disabled = editable ? insertProperties(ctx, rule, [['DeleteMarkerReplication', { Status: 'Disabled' }]]) : undefined;
        if (disabled) fixes.push({ title: 'Add DeleteMarkerReplication: {Status: Disabled}', edits: [disabled], preferred: true, fixAll: true });
        const filters = objects(filter.value);
        const noTags = filters.length > 0 && filters.every((f) => filterHasTags(f) === false);
        const enabled = noTags && editable ? insertProperties(ctx, rule, [['DeleteMarkerReplication', { Status: 'Enabled' }]]) : undefined;
        if (enabled) fixes.push({ title: 'Add DeleteMarkerReplication: {Status: Enabled} (replicate deletes)', edits: [enabled] });
        ctx.report({
          message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: a rule with Filter (V2 schema) must have DeleteMarkerReplication; S3 rejects it otherwise. Use {Status: Disabled} unless deletes should replicate.`,
          span: filter.keySpan,
          fixes,
        });
      }
    }
  },
};
