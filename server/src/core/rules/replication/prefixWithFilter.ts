import { entry, isNoValue, objects, str } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Fix, Rule } from '../types';
import { removeProperty } from './replicationEdits';
import { replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

export const prefixWithFilter: Rule = {
  id: 'replication/prefix-with-filter',
  catalogue: 'R7',
  severity: 'error',
  scope: 'resource',
  title: 'A replication rule cannot have both a rule-level Prefix and a Filter',
  docs:
    'The rule-level `Prefix` belongs to the legacy (V1) replication schema; `Filter` belongs to the current (V2) schema. A rule cannot have both. Put the prefix inside the filter (`Filter: {Prefix: logs/}`) and remove the rule-level `Prefix`.',
  sources: [AWS_DOCS.cfnReplicationRule, AWS_DOCS.replicationAddConfig],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const prefix = entry(rule, 'Prefix');
        const filter = entry(rule, 'Filter');
        if (!prefix || !filter || isNoValue(prefix.value) || isNoValue(filter.value)) continue;
        const ruleValue = str(prefix.value);
        const filters = objects(filter.value);
        // Dropping the rule-level Prefix changes nothing when the filter already says the same.
        const redundant = ruleValue === '' || (ruleValue !== undefined && filters.length > 0 && filters.every((f) => str(entry(f, 'Prefix')?.value) === ruleValue));
        const edit = removeProperty(ctx, rule, prefix);
        const fixes: Fix[] | undefined = edit ? [{ title: redundant ? 'Remove the rule-level Prefix' : 'Remove the rule-level Prefix (put the prefix in Filter instead)', edits: [edit], preferred: redundant, fixAll: redundant }] : undefined;
        ctx.report({
          message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: a rule-level Prefix (legacy V1 schema) cannot be combined with Filter (V2); put the prefix in Filter.Prefix or Filter.And.Prefix.`,
          span: prefix.keySpan,
          fixes,
        });
      }
    }
  },
};
