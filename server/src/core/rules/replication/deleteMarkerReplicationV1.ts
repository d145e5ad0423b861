import { entry, isNoValue, objects, prop, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Fix, Rule } from '../types';
import { convertToV2Edits, removeProperty } from './replicationEdits';
import { nextPriority, priorityOf, replicationConfigs, ruleLabel, ruleObjects, ruleVersion, sourceLabel } from './replicationRuleSets';

export const deleteMarkerReplicationV1: Rule = {
  id: 'replication/delete-marker-replication-v1',
  catalogue: 'R11',
  severity: 'error',
  scope: 'resource',
  title: 'DeleteMarkerReplication needs a rule with a Filter (V2 schema)',
  docs:
    'A rule without `Filter` uses the legacy (V1) replication schema, which has no `DeleteMarkerReplication`; S3 answers "InvalidRequest: DeleteMarkerReplication cannot be used for this version of Cross Region Replication configuration schema". V1 rules replicate delete markers anyway. Either remove `DeleteMarkerReplication`, or make the rule V2: `Filter: {Prefix: <prefix>}` instead of the rule-level `Prefix` (V2 rules also need `Priority`).',
  sources: [AWS_DOCS.replicationDeleteMarkers, AWS_DOCS.replicationAddConfig],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const dmr = entry(rule, 'DeleteMarkerReplication');
        if (!dmr || isNoValue(dmr.value) || ruleVersion(rule) !== 'v1') continue;
        const statuses = objects(dmr.value).map((d) => str(prop(d, 'Status')));
        // V1 rules already replicate delete markers: dropping an `Enabled` keeps the behaviour, a `Disabled` needs V2.
        const enabled = statuses.length > 0 && statuses.every((s) => s === 'Enabled');
        const fixes: Fix[] = [];
        // Converting one rule while others stay V1 would mix schema versions (R8): only offer it when it is the last V1 rule.
        const lastV1 = ruleObjects(rc.config).every((other, i) => i === index || ruleVersion(other) !== 'v1');
        const convert = lastV1 ? convertToV2Edits(ctx, rule, priorityOf(rule) === null ? [['Priority', nextPriority(rc.config)]] : []) : undefined;
        if (convert) fixes.push({ title: 'Make it a V2 rule: move the prefix into Filter', edits: convert, preferred: !enabled });
        const remove = removeProperty(ctx, rule, dmr);
        if (remove) fixes.push({ title: 'Remove DeleteMarkerReplication (V1 rules replicate delete markers)', edits: [remove], preferred: enabled });
        ctx.report({
          message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: S3 rejects this with "DeleteMarkerReplication cannot be used for this version of Cross Region Replication configuration schema": the rule has no Filter (V1 schema). Add Filter (V2) or remove DeleteMarkerReplication.`,
          span: dmr.keySpan,
          fixes,
        });
      }
    }
  },
};
