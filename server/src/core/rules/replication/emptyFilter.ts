import { entry, objects } from '../../model/access';
import { AWS_DOCS } from '../docs';
import type { Rule } from '../types';
import { canEdit } from './replicationEdits';
import { replicationConfigs, ruleLabel, ruleObjects, sourceLabel } from './replicationRuleSets';

export const emptyFilter: Rule = {
  id: 'replication/empty-filter',
  catalogue: 'R9b',
  severity: 'info',
  scope: 'resource',
  title: "An empty replication Filter is clearer as Filter: {Prefix: ''}",
  docs:
    "An empty `Filter: {}` is valid: the rule applies to every object and uses the current (V2) schema. Some tools and older SDKs treat an empty filter differently, so `Filter: {Prefix: ''}` says the same thing more portably.",
  sources: [AWS_DOCS.replicationAddConfig, AWS_DOCS.cfnReplicationRule],
  check(ctx) {
    for (const rc of replicationConfigs(ctx)) {
      for (const [index, rule] of ruleObjects(rc.config).entries()) {
        const filterEntry = entry(rule, 'Filter');
        for (const filter of objects(filterEntry?.value)) {
          if (filter.entries.length > 0) continue;
          const text = ctx.template.format === 'json' ? '{ "Prefix": "" }' : "{Prefix: ''}";
          ctx.report({
            message: `${sourceLabel(rc.bucket)}, ${ruleLabel(rule, index)}: an empty Filter applies the rule to every object; Filter: {Prefix: ''} says the same more portably.`,
            span: filter.span,
            fixes: canEdit(ctx) ? [{ title: "Use Filter: {Prefix: ''}", edits: [{ span: filter.span, newText: text }], preferred: true, fixAll: true }] : undefined,
          });
        }
      }
    }
  },
};
