import { entry } from '../../model/access';
import type { ObjectNode } from '../../model/types';
import { AWS_DOCS } from '../docs';
import type { PlainValue } from '../edits';
import type { Fix, Rule } from '../types';
import { convertToV2Edits } from './replicationEdits';
import { nextPriority, priorityOf, replicationConfigs, ruleAnchor, ruleLabel, ruleSets, ruleVersion, sourceLabel } from './replicationRuleSets';

export const mixedRuleVersions: Rule = {
  id: 'replication/mixed-rule-versions',
  catalogue: 'R8',
  severity: 'error',
  scope: 'resource',
  title: 'Replication rules with and without Filter cannot be mixed',
  docs:
    'A rule with `Filter` uses the current (V2) replication schema; a rule without it (rule-level `Prefix` or nothing) uses the legacy (V1) schema. One configuration uses one schema, so S3 rejects a mix. Give every rule a `Filter` (e.g. `Filter: {Prefix: logs/}` instead of `Prefix: logs/`), with `DeleteMarkerReplication` and a unique `Priority`.',
  sources: [AWS_DOCS.replicationAddConfig, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const rules of ruleSets(rc.config)) {
        const versions = rules.map(ruleVersion);
        if (!versions.includes('v1') || !versions.includes('v2')) continue;
        const v2Count = versions.filter((v) => v === 'v2').length;
        rules.forEach((rule, index) => {
          if (versions[index] !== 'v1') return;
          const edits = convertToV2Edits(ctx, rule, v2Extras(rule, rc.config));
          const fixes: Fix[] | undefined = edits ? [{ title: 'Make it a V2 rule (Filter, DeleteMarkerReplication, Priority)', edits, preferred: true }] : undefined;
          ctx.report({
            message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)} has no Filter (legacy V1 schema) while ${v2Count} other rule(s) use Filter (V2); S3 rejects a configuration that mixes both. Give this rule a Filter.`,
            span: ruleAnchor(rule),
            fixes,
          });
        });
      }
    }
  },
};

/** What a V1 rule lacks to be a valid V2 rule, besides the Filter itself. */
function v2Extras(rule: ObjectNode, config: ObjectNode): [string, PlainValue][] {
  const extras: [string, PlainValue][] = [];
  if (!entry(rule, 'DeleteMarkerReplication')) extras.push(['DeleteMarkerReplication', { Status: 'Disabled' }]);
  if (priorityOf(rule) === null) extras.push(['Priority', nextPriority(config)]);
  return extras;
}
